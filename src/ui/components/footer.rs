use leptos::prelude::*;

use crate::domain::catalogue::office;
use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::i18n::Key;
use crate::ui::state::AppState;

/// The Expat Centre's hours and contacts, from the guide.
#[component]
pub fn Footer() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let office = office();
    let phones = office
        .phones
        .iter()
        .map(|phone| {
            let tel = format!("tel:{}", phone.number.replace([' ', '(', ')'], ""));
            view! {
                <li>
                    <a href=tel>{phone.number}</a>
                    " (" {move || phone.hours.get(lang.get()).to_owned()} ")"
                </li>
            }
        })
        .collect_view();
    view! {
        <footer class="site-footer">
            <div class="container footer-grid">
                <section aria-labelledby="footer-title">
                    <h2 id="footer-title">{tr(Key::FooterTitle)}</h2>
                    <dl class="contacts">
                        <dt>{tr(Key::FooterHours)}</dt>
                        <dd>
                            {format!("{}–{}", office.opens, office.closes)} ", "
                            {tr(Key::FooterLunch)} " " {format!("{}–{}", office.lunch_from, office.lunch_to)}
                        </dd>
                        <dt>{tr(Key::FooterPhones)}</dt>
                        <dd><ul class="plain">{phones}</ul></dd>
                        <dt>{tr(Key::FooterEmail)}</dt>
                        <dd><a href=format!("mailto:{}", office.email)>{office.email}</a></dd>
                        <dt>{tr(Key::FooterAddress)}</dt>
                        <dd>{move || office.address.get(lang.get()).to_owned()}</dd>
                        <dt>{tr(Key::FooterPortal)}</dt>
                        <dd><a href=office.portal_url rel="noopener">"portal.aifc.kz"</a></dd>
                    </dl>
                </section>
                <section class="footer-about">
                    <p>{tr(Key::FooterDisclaimer)}</p>
                    <p><a href=move || state.href(Route::About)>{tr(Key::NavAbout)}</a></p>
                </section>
            </div>
        </footer>
    }
}
