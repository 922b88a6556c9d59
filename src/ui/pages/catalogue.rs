use leptos::prelude::*;

use crate::domain::catalogue::catalogue;
use crate::route::Route;
use crate::ui::components::tr;
use crate::ui::i18n::{Key, msg};
use crate::ui::state::AppState;

/// All 23 services grouped by the guide's sections, with a search box that reads both languages.
#[component]
pub fn Catalogue() -> impl IntoView {
    let state = AppState::expect();
    let lang = state.lang;
    let query = RwSignal::new(String::new());
    let cat = catalogue();
    let found = Memo::new(move |_| {
        query.with(|q| cat.search(q).into_iter().map(|s| s.id).collect::<Vec<_>>())
    });

    let sections = move || {
        let lang = lang.get();
        let found = found.get();
        cat.sections
            .iter()
            .filter_map(|section| {
                let items: Vec<_> = cat
                    .services
                    .iter()
                    .filter(|s| s.section == section.id && found.contains(&s.id))
                    .map(|s| {
                        view! {
                            <li>
                                <a href=state.href(Route::Service(s.id))>{s.title.get(lang).to_owned()}</a>
                                <span class="summary">{s.summary.get(lang).to_owned()}</span>
                            </li>
                        }
                    })
                    .collect();
                (!items.is_empty()).then(|| {
                    view! {
                        <section aria-labelledby=format!("section-{}", section.id)>
                            <h2 id=format!("section-{}", section.id)>{section.title.get(lang).to_owned()}</h2>
                            <ul class="service-list">{items}</ul>
                        </section>
                    }
                })
            })
            .collect_view()
    };

    view! {
        <h1>{tr(Key::CatalogueTitle)}</h1>
        <p class="lead">{tr(Key::CatalogueLead)}</p>
        <div class="search field" role="search">
            <label for="service-search">{tr(Key::SearchLabel)}</label>
            <p class="hint" id="service-search-hint">{tr(Key::SearchHint)}</p>
            <input
                type="search"
                id="service-search"
                aria-describedby="service-search-hint"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
        <p aria-live="polite" class="muted">
            {move || msg::ServicesFound { count: found.with(Vec::len) as u64 }.text(lang.get())}
        </p>
        {sections}
    }
}
