//! The drafts controller: the open draft is saved as its answers, ticks and typed values change,
//! other tabs' changes come in through `storage` events. The list, the two-tab outcomes,
//! deletions and imports are the shared [`Library`]'s; what a draft is and how it is read and
//! kept are the domain's (`domain::draft`).

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use crate::domain::draft::{self, Draft};
use crate::domain::flow::Answers;
use crate::domain::lang::Lang;
use crate::platform::clock;
use crate::platform::location;
use crate::ui::library::Library;

/// The drafts state, provided as context.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// The drafts kept on this device, the open one, what to tell the user.
    pub library: Library<Draft>,
    answers: RwSignal<Answers>,
    ticked: RwSignal<BTreeSet<String>>,
    typed: RwSignal<BTreeMap<String, String>>,
    lang: Signal<Lang>,
}

/// How long typing must pause before what was typed is saved.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

impl Drafts {
    /// Loads the library (migrating, repairing, keeping aside), reopens the latest draft, and
    /// starts autosaving and listening to other tabs.
    pub fn provide(
        answers: RwSignal<Answers>,
        ticked: RwSignal<BTreeSet<String>>,
        typed: RwSignal<BTreeMap<String, String>>,
        lang: Signal<Lang>,
    ) -> Drafts {
        let drafts = Drafts {
            library: Library::new(move |d: Draft| {
                answers.set(d.answers);
                ticked.set(d.ticked);
                typed.set(d.typed);
            }),
            answers,
            ticked,
            typed,
            lang,
        };
        drafts.load();
        drafts.autosave();
        location::on_storage_change(move |key| drafts.on_other_tab(key));
        provide_context(drafts);
        drafts
    }

    pub fn expect() -> Drafts {
        expect_context::<Drafts>()
    }

    fn load(&self) {
        // Storage refused now: nothing can be read, so nothing is replaced.
        let Some(entries) = self.library.entries(draft::is_app_key) else {
            return;
        };
        self.library
            .take(draft::read_library(&entries, clock::now()));
    }

    /// Saves the open draft whenever its answers, ticks or typed values change; the first
    /// change of a new application creates its draft. What is typed is saved once typing pauses
    /// (and at once when the page is hidden or left), answers and ticks at once.
    fn autosave(&self) {
        let this = *self;
        let typing = StoredValue::new(0u64);
        Effect::new(move |_| {
            let answers = this.answers.get();
            let ticked = this.ticked.get();
            let typed = this.typed.get();
            let only_typed = this
                .open_draft()
                .is_some_and(|open| open.answers == answers && open.ticked == ticked);
            if only_typed {
                let generation = typing.get_value() + 1;
                typing.set_value(generation);
                set_timeout(
                    move || {
                        if typing.get_value() == generation {
                            this.save_now();
                        }
                    },
                    TYPING_PAUSE,
                );
            } else if !(answers.is_empty() && ticked.is_empty() && typed.is_empty()) {
                this.save_now();
            }
        });
        let flush = move || {
            typing.update_value(|g| *g += 1);
            this.save_now();
        };
        window_event_listener(leptos::ev::pagehide, move |_| flush());
        window_event_listener(leptos::ev::visibilitychange, move |_| flush());
    }

    /// Writes the open draft as the signals hold it, if it changed (creating it if needed).
    fn save_now(&self) {
        let (answers, ticked, typed) = (
            self.answers.get_untracked(),
            self.ticked.get_untracked(),
            self.typed.get_untracked(),
        );
        let now = clock::now();
        let edited = match self.open_draft() {
            Some(open)
                if open.answers == answers && open.ticked == ticked && open.typed == typed =>
            {
                return;
            }
            Some(open) => Draft {
                answers,
                ticked,
                typed,
                updated: now,
                ..open
            },
            None if answers.is_empty() && ticked.is_empty() && typed.is_empty() => return,
            None => {
                let lang = self.lang.get_untracked();
                let Ok(new) = draft::new_draft("", lang, now, clock::entropy()) else {
                    return;
                };
                self.library.current.set(Some(new.id.clone()));
                Draft {
                    answers,
                    ticked,
                    typed,
                    ..new
                }
            }
        };
        self.library.save(&edited);
    }

    fn on_other_tab(&self, key: Option<String>) {
        match key {
            // Storage was cleared elsewhere: reload what is left.
            None => self.load(),
            Some(key) if key.starts_with(draft::DRAFT_KEY_PREFIX) => {
                self.library.on_other_tab(&key)
            }
            Some(_) => {}
        }
    }

    pub fn open_draft(&self) -> Option<Draft> {
        self.library.open_record()
    }

    /// Opens a draft from the list.
    pub fn open(&self, id: &str) {
        self.library.open(id);
    }

    /// A new application: the next answer starts a new draft; the others stay as they are.
    pub fn start_new(&self) {
        self.library.current.set(None);
        self.answers.set(Answers::new());
        self.ticked.set(Default::default());
        self.typed.set(Default::default());
    }

    /// Creates a named, empty draft and opens it.
    pub fn create(&self, name: &str) -> Result<(), draft::NameError> {
        self.create_with(name, Answers::new(), BTreeMap::new())
    }

    /// Creates a draft holding these answers and typed values (a roster's row, say) and opens
    /// it.
    pub fn create_with(
        &self,
        name: &str,
        answers: Answers,
        typed: BTreeMap<String, String>,
    ) -> Result<(), draft::NameError> {
        let new = Draft {
            answers,
            typed,
            ..draft::new_draft(
                name,
                self.lang.get_untracked(),
                clock::now(),
                clock::entropy(),
            )?
        };
        self.library.current.set(Some(new.id.clone()));
        self.answers.set(new.answers.clone());
        self.ticked.set(Default::default());
        self.typed.set(new.typed.clone());
        self.library.save(&new);
        Ok(())
    }

    pub fn duplicate(&self, id: &str) {
        if let Some(d) = self.library.find(id) {
            self.library
                .save(&draft::duplicate(&d, clock::now(), clock::entropy()));
        }
    }

    pub fn delete(&self, id: &str) {
        if self.library.delete(id) {
            self.start_new();
        }
    }
}
