//! The header of a printed checklist: what it is, when it was printed, which catalogue and guide
//! lines it rests on, and a QR code that reopens the same answers. Shown in print only.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::catalogue::{Service, catalogue};
use crate::domain::lang::Lang;
use crate::domain::qr;
use crate::platform::clock;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};
use crate::ui::state::AppState;

/// The print-only header above a checklist. `share_url` is the share link (answers only, nothing
/// personal) that the QR code holds. With a `second_language`, every line is given in both
/// languages, the page's first.
#[component]
pub fn PrintHeader(
    service: &'static Service,
    share_url: String,
    #[prop(optional, into)] second_language: Option<Signal<Option<Lang>>>,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    let today = clock::today();
    let as_of = catalogue().as_of;
    // The second language chosen for a bilingual print, if any.
    let second = move || second_language.and_then(|s| s.get());
    // One line in the current language, then " / " and the other language when asked for.
    let line = move |make: fn(Lang, &Facts) -> String| {
        let facts = Facts {
            today,
            as_of,
            service,
        };
        move || {
            let l = lang.get();
            let other = second().map(|o| {
                view! { " / " <span lang=o.code()>{make(o, &facts)}</span> }
            });
            view! { {make(l, &facts)} {other} }
        }
    };

    let qr_code = qr::qr_svg_path(&share_url).map(|(n, d)| {
        let label = move || {
            let l = lang.get();
            match second() {
                Some(o) => format!("{} / {}", Key::QrLabel.text(l), Key::QrLabel.text(o)),
                None => Key::QrLabel.text(l).to_owned(),
            }
        };
        view! {
            <figure class="print-header-qr">
                <svg class="qr" role="img" aria-label=label viewBox=format!("0 0 {n} {n}")
                    shape-rendering="crispEdges">
                    <path d=d/>
                </svg>
                <figcaption>{line(|l, _| Key::QrCaption.text(l).to_owned())}</figcaption>
            </figure>
        }
    });

    view! {
        <div class="print-only print-header">
            <div class="print-header-text">
                <p class="print-header-product">{line(|l, _| Key::AppName.text(l).to_owned())}</p>
                <p class="print-header-service">{line(|l, f| f.service.title.get(l).to_owned())}</p>
                <ul class="print-header-facts">
                    <li>{line(|l, f| msg::PrintedOn { date: &format::numeric(f.today) }.text(l))}</li>
                    <li>{line(|l, f| msg::CatalogueAsOf { date: &format::numeric(f.as_of) }.text(l))}</li>
                    <li>{line(guide_lines)}</li>
                </ul>
            </div>
            {qr_code}
        </div>
    }
}

/// What the header's lines are made of.
#[derive(Clone, Copy)]
struct Facts {
    today: NaiveDate,
    as_of: NaiveDate,
    service: &'static Service,
}

fn guide_lines(l: Lang, f: &Facts) -> String {
    msg::GuideLines {
        from: &f.service.source.from,
        to: &f.service.source.to,
    }
    .text(l)
}
