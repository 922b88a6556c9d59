//! Editing one row of the roster in the page: a field per column (a list of the allowed values
//! for a choice, a number for a count, text for a label or a date). Each change is written into
//! the roster's text at once, keystroke by keystroke in a text or number field (not when it loses
//! focus), so the text stays what is kept, shared and exported, and a reload or a closed tab
//! loses nothing typed.

use leptos::html;
use leptos::prelude::*;

use super::results::problem_text;
use crate::domain::flow::Kind;
use crate::domain::roster::{CellProblem, Column, edit};
use crate::ui::i18n::{Key, msg};
use crate::ui::rosters::Rosters;
use crate::ui::state::AppState;

/// The row being edited: a line of the text, or a new one not written yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editing {
    Row(usize),
    New,
}

#[component]
pub fn RowEditor(
    rosters: Rosters,
    editing: Editing,
    /// Where editing goes next: `None` when done.
    on_move: Callback<Option<Editing>>,
    /// The roster's problems, as the page has read them.
    #[prop(into)]
    problems: Signal<Vec<CellProblem>>,
) -> impl IntoView {
    let lang = AppState::expect().lang;
    // A new row gets its line once something is written into it.
    let line = RwSignal::new(match editing {
        Editing::Row(n) => Some(n),
        Editing::New => None,
    });
    let header = Memo::new(move |_| rosters.text.with(|t| edit::header(t).0));
    // The cells as the text holds them now (another tab, or the box above, may change it).
    let cells = Memo::new(move |_| {
        let width = header.with(Vec::len);
        match line.get() {
            Some(n) => rosters.text.with(|t| edit::row_cells(t, n)),
            None => vec![String::new(); width],
        }
    });
    let write = move |i: usize, value: String| {
        let mut now = cells.get_untracked();
        if i >= now.len() {
            now.resize(i + 1, String::new());
        }
        now[i] = value;
        let (text, n) = rosters
            .text
            .with_untracked(|t| edit::set_row(t, line.get_untracked(), &now));
        line.set(Some(n));
        rosters.set_text(text);
    };
    let heading = NodeRef::<html::H2>::new();
    // Keyboard and screen-reader users land on the editor they opened.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    view! {
        <section class="roster-editor" aria-labelledby="roster-editor-title">
            <h2 id="roster-editor-title" tabindex="-1" node_ref=heading>
                {move || {
                    let l = lang.get();
                    match line.get() {
                        Some(n) => msg::RosterRowName { line: &n }.text(l),
                        None => Key::RosterAddRow.text(l).to_owned(),
                    }
                }}
            </h2>
            <p class="hint">{move || Key::RosterEditHint.text(lang.get())}</p>
            // This row's problems, where its cells are changed (a value not allowed shows as
            // "not given" in its list).
            {move || {
                let l = lang.get();
                let n = line.get()?;
                let problems: Vec<String> = problems.with(|all| {
                    all.iter()
                        .filter(|p| p.line == n)
                        .map(|p| problem_text(p, l))
                        .collect()
                });
                (!problems.is_empty()).then(|| view! {
                    <div class="warning" role="status">
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            {move || {
                let l = lang.get();
                header.get().into_iter().enumerate().map(|(i, name)| {
                    let id = format!("roster-edit-{i}");
                    let value = move || cells.with(|c| c.get(i).cloned().unwrap_or_default());
                    let on_change = move |ev: leptos::ev::Event| write(i, event_target_value(&ev));
                    let on_input = on_change;
                    let field = match Column::read(&name) {
                        Column::Answer(q) => match q.kind() {
                            Kind::Choice(codes) => view! {
                                <select id=id.clone() on:change=on_change>
                                    <option value="" selected=move || value().trim().is_empty()>{Key::RosterNotGiven.text(l)}</option>
                                    {codes.iter().map(|code| view! {
                                        <option value=*code selected=move || value().trim().eq_ignore_ascii_case(code)>{*code}</option>
                                    }).collect_view()}
                                </select>
                            }.into_any(),
                            Kind::Count { min, max } => view! {
                                <input type="number" id=id.clone() inputmode="numeric" min=min max=max
                                    prop:value=value on:input=on_input/>
                            }.into_any(),
                            Kind::Date => text_field(id.clone(), value, on_input, None),
                        },
                        Column::EntryDate | Column::VisaEnd | Column::PassportExpiry | Column::PaymentDate => {
                            text_field(id.clone(), value, on_input, Some(Key::RosterDateHint.text(l)))
                        }
                        Column::Label | Column::Unknown(_) => text_field(id.clone(), value, on_input, None),
                    };
                    view! {
                        <div class="field">
                            <label for=id>{name}</label>
                            {field}
                        </div>
                    }
                }).collect_view()
            }}
            <p>
                <button type="button" class="primary" on:click=move |_| on_move.run(None)>
                    {move || Key::RosterEditDone.text(lang.get())}
                </button>
            </p>
        </section>
    }
}

/// A text box, with a hint under its label when given.
fn text_field(
    id: String,
    value: impl Fn() -> String + Send + Sync + 'static,
    on_input: impl Fn(leptos::ev::Event) + 'static,
    hint: Option<&'static str>,
) -> AnyView {
    let hint_id = format!("{id}-hint");
    view! {
        {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
        <input type="text" id=id autocomplete="off" spellcheck="false"
            aria-describedby=hint.map(|_| hint_id)
            prop:value=value on:input=on_input/>
    }
    .into_any()
}
