//! The breakdown table for everyone applying, what was kept out of it and why, and the
//! readings of the guide the total rests on. Everything is computed by `domain::fees`.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::words::{choice_missing, kind_label, line_label, reason_text};
use crate::domain::catalogue::Service;
use crate::domain::fees::{Assumption, FeeBreakdown, FeeKind, LineKind, MrpStatus, Unconfirmed};
use crate::domain::lang::Lang;
use crate::ui::format;
use crate::ui::i18n::{Key, msg};

/// The breakdown table: one row per line, then the figures left out, then the totals.
pub fn breakdown_view(
    service: &'static Service,
    b: &FeeBreakdown,
    paid_on: NaiveDate,
    l: Lang,
) -> impl IntoView + use<> {
    let t = |k: Key| k.text(l);
    let times = |n: u32| format!("× {n}");
    // Each amount's column, said before it where a phone shows the table one line per block.
    let (per_person, persons, total) = (
        t(Key::FeesColPerPerson),
        t(Key::FeesColPersons),
        t(Key::FeesTotal),
    );
    // Lines and left-out figures in the guide's column order: service fee, options, state fee.
    let mut rows: Vec<(u8, AnyView)> = b
        .lines
        .iter()
        .map(|line| {
            let (label, detail) = line_label(service, line, l);
            let order = match line.kind {
                LineKind::ServiceFee { .. } => 0,
                LineKind::Priority => 1,
                LineKind::PersonalManager => 2,
                LineKind::StateDuty { .. } | LineKind::StateDutyNotPrinted { .. } => 3,
            };
            let row = view! {
                <tr>
                    <th scope="row">
                        {label}
                        {detail.map(|d| view! { <br/><span class="muted">{d}</span> })}
                    </th>
                    <td class="num" data-label=per_person>{format::kzt(line.per_person, l)}</td>
                    <td class="num" data-label=persons>{times(line.count)}</td>
                    <td class="num" data-label=total>{format::kzt(line.total, l)}</td>
                </tr>
            };
            (order, row.into_any())
        })
        .collect();
    for u in &b.unconfirmed {
        let marker = if choice_missing(&u.reason) {
            view! { <span>{t(Key::FeesChooseAbove)}</span> }.into_any()
        } else {
            view! { <span class="tag unconfirmed">{Key::Unconfirmed.text(l)}</span> }.into_any()
        };
        let order = match u.kind {
            FeeKind::ServiceFee => 0,
            FeeKind::Priority => 1,
            FeeKind::PersonalManager => 2,
        };
        let row = view! {
            <tr>
                <th scope="row">{kind_label(u.kind, l)}</th>
                <td class="num" data-label=per_person>{marker}</td>
                <td class="num" data-label=persons>{times(u.count)}</td>
                <td class="num" data-label=total>{t(Key::FeesNotInTotal)}</td>
            </tr>
        };
        rows.push((order, row.into_any()));
    }
    rows.sort_by_key(|(order, _)| *order);
    let rows = rows.into_iter().map(|(_, row)| row).collect_view();
    let total_label = if b.unconfirmed.is_empty() {
        t(Key::FeesTotal)
    } else {
        t(Key::FeesTotalKnown)
    };
    view! {
        <div class="table-wrap">
            <table class="fees">
                <caption>{msg::FeesYourFeesOn { date: &format::weekday_day(paid_on, l) }.text(l)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{Key::FeeItem.text(l)}</th>
                        <th scope="col" class="num">{t(Key::FeesColPerPerson)}</th>
                        <th scope="col" class="num">{t(Key::FeesColPersons)}</th>
                        <th scope="col" class="num">{t(Key::FeesTotal)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{total_label}</th>
                        <td class="num" data-label=per_person>{format::kzt(b.per_person, l)}</td>
                        <td class="num" data-label=persons>{times(b.persons)}</td>
                        <td class="num" data-label=total>{format::kzt(b.total, l)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// "[unconfirmed] Service fee – kept out of the total. The guide prints “00 000 KZT”, which
/// cannot be read." The catalogue's longer note is left to the guide's fee table above.
pub fn unconfirmed_view(u: &Unconfirmed, l: Lang) -> impl IntoView + use<> {
    let why = match &u.printed {
        Some(printed) => msg::FeesGuidePrintsUnreadable { printed }.text(l),
        None => reason_text(&u.reason, l),
    };
    view! {
        <div class="warning">
            <p>
                <span class="tag unconfirmed">{Key::Unconfirmed.text(l)}</span>
                " "
                <strong>{kind_label(u.kind, l)}</strong>
                {format!(" – {} {why}", Key::FeesKeptOut.text(l))}
            </p>
        </div>
    }
}

/// The readings of the guide the total relies on, stated plainly.
pub fn assumptions_view(b: &FeeBreakdown, l: Lang) -> Option<impl IntoView + use<>> {
    let mut said: Vec<&'static str> = Vec::new();
    if b.lines.iter().any(|line| line.kind == LineKind::Priority) {
        said.push(Key::FeesPriorityOnTop.text(l));
    }
    for a in &b.assumptions {
        said.push(match a {
            Assumption::PersonalManagerAddsToServiceFee => Key::FeesManagerAdds.text(l),
            Assumption::TrpFeePerFamilyMember => Key::FeesTrpPerMember.text(l),
        });
    }
    if b.persons > 1 {
        said.push(Key::FeesEachPerson.text(l));
    }
    if b.mrp().is_some_and(|m| m.status == MrpStatus::Reported) {
        said.push(Key::FeesMrpReported.text(l));
    }
    (!said.is_empty()).then(|| {
        view! {
            <div class="note">
                <p><strong>{Key::FeesHowTitle.text(l)}</strong></p>
                {said.into_iter().map(|s| view! { <p>{s}</p> }).collect_view()}
            </div>
        }
    })
}
