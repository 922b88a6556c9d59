//! The drafts controller: the open draft is saved as its application changes, other tabs'
//! changes come in through `storage` events. The list, the two-tab outcomes, deletions and
//! imports are the shared [`Library`]'s; what a draft is, how it is read and kept, and when a
//! change is saved are the domain's (`domain::draft`).

use leptos::prelude::*;

use crate::domain::application::{self, Application, Autosave};
use crate::domain::draft::{self, Draft};
use crate::domain::lang::Lang;
use crate::platform::clock;
use crate::platform::location;
use crate::ui::application::ApplicationStore;
use crate::ui::library::Library;
use crate::ui::saving::{Flush, Saver};

/// The drafts state, provided as context.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// The drafts kept on this device, the open one, what to tell the user.
    pub library: Library<Draft>,
    app: ApplicationStore,
    lang: Signal<Lang>,
}

impl Drafts {
    /// Loads the library (migrating, repairing, keeping aside), reopens the latest draft, and
    /// starts autosaving and listening to other tabs.
    pub fn provide(app: ApplicationStore, lang: Signal<Lang>) -> Drafts {
        let saver = Saver::expect();
        let library = Library::new(move |d: Draft| app.replace(d.application));
        let drafts = Drafts { library, app, lang };
        drafts.load();
        drafts.autosave(saver);
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

    /// Saves the open draft whenever its application changes; the first change of a new
    /// application creates its draft. When is the domain's rule ([`application::autosave`]): what is
    /// typed once typing pauses (and at once when the page is hidden), the rest at once.
    fn autosave(&self, saver: Saver) {
        let this = *self;
        saver.add_flush(Flush::Draft, move || this.save_now());
        Effect::new(move |_| {
            this.app.track();
            let app = this.app.snapshot();
            let open = this.open_draft();
            match application::autosave(open.as_ref().map(|d| &d.application), &app) {
                Autosave::Nothing => {}
                Autosave::AfterPause => saver.after_pause(Flush::Draft),
                Autosave::Now => this.save_now(),
            }
        });
    }

    /// Writes the open draft as the store holds it, if it changed (creating it if needed).
    fn save_now(&self) {
        let application = self.app.snapshot();
        let now = clock::now();
        let edited = match self.open_draft() {
            Some(open) if open.application == application => return,
            Some(open) => Draft {
                application,
                updated: now,
                ..open
            },
            None if application.is_empty() => return,
            None => {
                let lang = self.lang.get_untracked();
                let Ok(new) = draft::new_draft("", lang, now, clock::entropy()) else {
                    return;
                };
                self.library.current.set(Some(new.id.clone()));
                Draft { application, ..new }
            }
        };
        self.library.save(&edited);
    }

    fn on_other_tab(&self, key: Option<String>) {
        match key {
            // Storage was cleared elsewhere: reload what is left.
            None => self.load(),
            Some(key) if key.starts_with(draft::DRAFT_KEY_PREFIX) => {
                // What this tab changed and has not written yet (an answer chosen a moment ago,
                // Continue pressed in both tabs at once) goes first: written over the other
                // tab's version, it becomes a conflict copy with a notice, never lost unseen.
                self.save_open();
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

    /// What is typed in the open draft and waits for a pause is written now, before another
    /// application takes its place. (A draft just deleted is not written back.)
    fn save_open(&self) {
        if self.open_draft().is_some() {
            self.save_now();
        }
    }

    /// A new application: the next change starts a new draft; the others stay as they are.
    pub fn start_new(&self) {
        self.save_open();
        self.library.current.set(None);
        self.app.replace(Application::default());
    }

    /// A new application holding these answers (a share link's): the next change saves it as a
    /// new draft; the open one stays as it is.
    pub fn start_with(&self, application: Application) {
        self.start_new();
        self.app.replace(application);
    }

    /// Creates a named, empty draft and opens it.
    pub fn create(&self, name: &str) -> Result<(), draft::NameError> {
        self.create_with(name, Application::default())
    }

    /// Creates a draft holding this application (a roster's row, say) and opens it.
    pub fn create_with(
        &self,
        name: &str,
        application: Application,
    ) -> Result<(), draft::NameError> {
        let new = Draft {
            application,
            ..draft::new_draft(
                name,
                self.lang.get_untracked(),
                clock::now(),
                clock::entropy(),
            )?
        };
        self.save_open();
        self.library.current.set(Some(new.id.clone()));
        self.app.replace(new.application.clone());
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
