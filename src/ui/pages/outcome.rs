use leptos::prelude::*;

use crate::domain::catalogue::catalogue;
use crate::domain::checklist::{Applies, Item, PersonChecklist, Role};
use crate::domain::flow::{self, QuestionId};
use crate::domain::lang::{Lang, Text};
use crate::domain::share;
use crate::platform::{clock, print};
use crate::route::Route;
use crate::ui::application::ResultModel;
use crate::ui::components::dates::{self, DatesBlock};
use crate::ui::components::fees::FeesBlock;
use crate::ui::components::labels::{self, Saying};
use crate::ui::components::print_header::PrintHeader;
use crate::ui::components::source_line;
use crate::ui::i18n::Key;
use crate::ui::pages::question::route_after;
use crate::ui::state::AppState;

/// The service the answers lead to, why, and a checklist per person with tick-off.
///
/// Each part reads the memos it needs ([`ResultModel`]): the checklists follow the answers, the
/// calculators their own inputs, the share link the answers and options; typing a date redraws
/// the dates block only.
#[component]
pub fn Outcome() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let store = state.app;
    let cat = catalogue();
    // A second language to print (and show) the checklist in, side by side with the page's.
    // Kept on the device, so a reload prints as chosen.
    let chosen_second = RwSignal::new((!state.is_static()).then(print::second_language).flatten());
    let second = Signal::derive(move || chosen_second.get().filter(|o| *o != lang.get()));
    let model = ResultModel::new(store);
    // Not finished (a link ahead of the answers, or answers changed in another tab): go to the
    // question that is pending.
    Effect::new(move |_| {
        if model.outcome.with(Option::is_none) {
            state.redirect(store.answers.with_untracked(route_after));
        }
    });
    let share_url = move || state.share_url(&share::encode(&store.all_answers()));

    let page = move || {
        let outcome = model.outcome.get()?;
        let service = cat.get(outcome.service);
        let l = lang.get();
        let second_lang = second.get();
        let t = |k: Key| k.text(l);
        let reasons = outcome
            .reasons
            .iter()
            .filter_map(|r| flow::reason_text(*r))
            .map(|text| view! { <li>{text.get(l).to_owned()}</li> })
            .collect_view();
        let alternatives = outcome
            .alternatives
            .iter()
            .filter_map(|alt| Some((cat.get(alt.service), flow::reason_text(alt.reason)?)))
            .map(|(s, why)| {
                view! {
                    <li>
                        <a href=state.href(Route::Service(s.id))>{s.title.get(l).to_owned()}</a>
                        ": " {why.get(l).to_owned()}
                    </li>
                }
            })
            .collect::<Vec<_>>();
        let people = model.checklist.with(|list| {
            store.answers.with(|answers| {
                list.iter()
                    .flat_map(|list| &list.people)
                    .map(|person| person_checklist(person, answers, state, l, second_lang))
                    .collect_view()
            })
        });

        Some(view! {
            {move || view! { <PrintHeader service share_url=share_url() second_language=second/> }}
            <p class="muted">{t(Key::OutcomeKicker)}</p>
            <h1>{service.title.get(l).to_owned()}</h1>
            <p class="lead">{service.summary.get(l).to_owned()}</p>
            <p class="print-only source">{source_line(service, l)}</p>
            <section aria-labelledby="why">
                <h2 id="why">{t(Key::WhyThisService)}</h2>
                <ul>{reasons}</ul>
                {(!alternatives.is_empty()).then(|| view! {
                    <h3>{t(Key::Alternatives)}</h3>
                    <ul>{alternatives}</ul>
                })}
                <p class="no-print"><a href=state.href(Route::Service(service.id))>{t(Key::EverythingAboutService)}</a></p>
            </section>
            <div class="actions no-print">
                <button type="button" class="secondary" on:click=|_| print::print()>{t(Key::Print)}</button>
                <a class="button secondary" href=state.href(Route::CheckAnswers)>{t(Key::ChangeAnswers)}</a>
                <div class="field second-language">
                    <label for="second-language">{t(Key::SecondLanguage)}</label>
                    <select id="second-language" on:change=move |ev| {
                        let chosen = Lang::from_code(&event_target_value(&ev));
                        print::remember_second_language(chosen);
                        chosen_second.set(chosen)
                    }>
                        <option value="" selected=second_lang.is_none()>{t(Key::SecondLanguageNone)}</option>
                        {Lang::ALL.into_iter().filter(|o| *o != l).map(|o| view! {
                            <option value=o.code() lang=o.code() selected=second_lang == Some(o)>{o.endonym()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {people}
        })
    };
    // After the checklists: what follows arrival, and the share link.
    let bottom = move || {
        let outcome = model.outcome.get()?;
        let l = lang.get();
        let t = |k: Key| k.text(l);
        let next_steps = outcome
            .next_steps
            .iter()
            .map(|id| cat.get(*id))
            .map(|s| view! { <li><a href=state.href(Route::Service(s.id))>{s.title.get(l).to_owned()}</a></li> })
            .collect::<Vec<_>>();
        Some(view! {
            {(!next_steps.is_empty()).then(|| view! {
                <section aria-labelledby="next-steps">
                    <h2 id="next-steps">{t(Key::NextSteps)}</h2>
                    <p>{t(Key::NextStepsLead)}</p>
                    <ul>{next_steps}</ul>
                </section>
            })}
            <section aria-labelledby="share" class="no-print">
                <h2 id="share">{t(Key::ShareTitle)}</h2>
                <p id="share-hint">{t(Key::ShareHint)}</p>
                <label for="share-link">{t(Key::ShareLink)}</label>
                <input type="text" id="share-link" class="share-link" readonly aria-describedby="share-hint" prop:value=share_url
                    on:focus=|ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); }/>
            </section>
        })
    };
    // The calculators are built once per service, outside the closures above, so choosing an
    // option or switching language never rebuilds them mid-typing.
    let today = clock::today();
    let calculators = move || {
        model.service.get().map(|id| {
            let service = cat.get(id);
            view! {
                <section class="calculator" aria-labelledby="fees">
                    <h2 id="fees">{move || Key::FeesTitle.text(lang.get())}</h2>
                    <FeesBlock service store persons=model.persons today/>
                </section>
                <section class="calculator" aria-labelledby="dates">
                    <h2 id="dates">{move || dates::title(lang.get())}</h2>
                    <DatesBlock service store today/>
                </section>
            }
        })
    };
    view! { {page} {calculators} {bottom} }
}

/// One person's documents, with a tick box each; ticks are kept in the draft.
pub(crate) fn person_checklist(
    person: &PersonChecklist,
    answers: &flow::Answers,
    state: AppState,
    l: Lang,
    second: Option<Lang>,
) -> impl IntoView + use<> {
    let heading_in = |l: Lang| match person.person.role {
        Role::Applicant => Key::PersonApplicant.text(l).to_owned(),
        Role::FamilyMember { .. } => {
            let n = person.person.index;
            let relation = answers
                .get(&QuestionId::Member(n))
                .and_then(|v| flow::option_label(QuestionId::Member(n), v))
                .map(|o| format!(": {}", o.label.get(l)))
                .unwrap_or_default();
            format!("{} {n}{relation}", Key::PersonFamilyMember.text(l))
        }
    };
    let heading = in_languages(heading_in(l), second.map(|o| (o, heading_in(o))));
    let heading_id = format!("person-{}", person.person.index);
    let labelled_by = heading_id.clone();
    let items = |items: &[Item]| {
        items
            .iter()
            .map(|item| checklist_item(item, state, l, second))
            .collect_view()
    };
    let step2 = (!person.step2.is_empty()).then(|| {
        view! {
            <h3>{Key::Step2Title.text(l)}</h3>
            <ul class="checklist">{items(&person.step2)}</ul>
        }
    });
    view! {
        <section class="person" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <h3>{Key::DocumentsForCentre.text(l)}</h3>
            {if person.items.is_empty() {
                view! { <p>{Key::NoDocumentList.text(l)}</p> }.into_any()
            } else {
                view! { <ul class="checklist">{items(&person.items)}</ul> }.into_any()
            }}
            {step2}
        </section>
    }
}

fn checklist_item(
    item: &Item,
    state: AppState,
    l: Lang,
    second: Option<Lang>,
) -> impl IntoView + use<> {
    let cat = catalogue();
    let key = item.key.clone();
    let document = cat.document(item.document.doc);
    let name_in = |l: Lang| {
        document
            .map(|d| d.name.get(l).to_owned())
            .unwrap_or_default()
    };
    let name = in_languages(name_in(l), second.map(|o| (o, name_in(o))));
    // A readable, selector-safe id derived from the stable key.
    let id = format!("tick-{}", key.replace([':', '~'], "-"));
    let mut details = Vec::new();
    if item.employer_document {
        details.push(Key::HolderCompany.text(l).to_owned());
    }
    for c in &item.conditions {
        let saying = match c.applies {
            Applies::Unknown => Saying::IfApplicable,
            Applies::Included => Saying::Because,
            Applies::Excluded => continue,
        };
        details.push(labels::condition(c.condition, saying, l));
    }
    // The guide's note and sub-items print side by side too: they say what the document must be.
    let both_texts = |text: &Text| {
        in_languages(
            text.get(l).to_owned(),
            second.map(|o| (o, text.get(o).to_owned())),
        )
    };
    let note = item.document.note.as_ref().map(both_texts);
    let sub_items = item
        .document
        .items
        .iter()
        .map(|i| view! { <li>{both_texts(i)}</li> })
        .collect::<Vec<_>>();
    let ticked = {
        let key = key.clone();
        move || state.app.ticked.with(|t| t.contains(&key))
    };
    view! {
        <li>
            <div class="choice">
                <input type="checkbox" id=id.clone() prop:checked=ticked on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.app.tick(&key, on);
                }/>
                <label for=id>
                    {name}
                    {(!details.is_empty()).then(|| view! { <span class="condition">{details.join(" · ")}</span> })}
                    {note.map(|n| view! { <span class="condition">{n}</span> })}
                </label>
            </div>
            {(!sub_items.is_empty()).then(|| view! { <ul>{sub_items}</ul> })}
        </li>
    }
}

/// A text alone, or side by side with its translation (marked with its language).
fn in_languages(text: String, translation: Option<(Lang, String)>) -> AnyView {
    match translation {
        None => text.into_any(),
        Some((lang, translated)) => view! {
            <span class="side-by-side"><span>{text}</span><span lang=lang.code()>{translated}</span></span>
        }
        .into_any(),
    }
}
