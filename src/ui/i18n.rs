//! The interface's own words (buttons, headings, messages), in Kazakh and English.
//!
//! Service content lives in the catalogue; only the chrome is here. Each key must have both
//! languages or the crate does not compile. Feature modules may hold their own `strings!` table.

use crate::domain::lang::Lang;

/// Declares `enum Key` with a `text(lang)` method from `Key => "kk", "en";` lines.
macro_rules! strings {
    ($($key:ident => $kk:literal, $en:literal;)*) => {
        /// A piece of interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($key),* }

        impl Key {
            pub fn text(self, lang: Lang) -> &'static str {
                match self {
                    $(Key::$key => match lang { Lang::Kk => $kk, Lang::En => $en }),*
                }
            }
        }
    };
}
pub(crate) use strings;

strings! {
    AppName => "Экспат навигатор", "Expat Navigator";
    SkipToContent => "Негізгі мазмұнға өту", "Skip to main content";
    LanguageSwitch => "Тіл", "Language";
    NavServices => "Барлық қызметтер", "All services";
    NavDrafts => "Жобалар", "Drafts";
    NavAbout => "Құпиялық және қолжетімділік", "Privacy and accessibility";
    MainNav => "Негізгі мәзір", "Main menu";
    HomeTitle => "АХҚО Экспат орталығында қай қызмет сізге керек?", "Which AIFC Expat Centre service do you need?";
    HomeLead => "Бірнеше сұраққа жауап беріңіз: біз дұрыс қызметті таңдап, сізге және әр отбасы мүшесіне арналған құжаттар тізімін, алымдар мен мерзімдерді көрсетеміз.", "Answer a few questions: we pick the right service and show the documents for you and each family member, the fees and the dates.";
    HomeStart => "Бастау", "Start now";
    HomeBrowse => "Немесе барлық 23 қызметті қараңыз", "Or browse all 23 services";
    HomeWhoFor => "Шетелдік қызметкерлерге, инвесторларға, олардың отбасыларына және оларды тартатын компаниялардың HR қызметкерлеріне арналған.", "For foreign employees, investors, their families, and the HR staff of the companies that bring them in.";
    HomeSource => "Барлық мәлімет АХҚО Экспат орталығының нұсқаулығынан алынған. Ресми шешімді Экспат орталығы қабылдайды.", "Everything shown comes from the AIFC Expat Centre's guide. The Expat Centre makes the official decision.";
    HomePrivacy => "Жауаптарыңыз тек осы құрылғыда сақталады: ештеңе жіберілмейді.", "Your answers stay on this device: nothing is sent anywhere.";
    FooterTitle => "АХҚО Экспат орталығы", "AIFC Expat Centre";
    FooterHours => "Жұмыс уақыты", "Office hours";
    FooterLunch => "түскі үзіліс", "lunch break";
    FooterEmail => "Электрондық пошта", "Email";
    FooterPhones => "Телефондар", "Phones";
    FooterAddress => "Мекенжай", "Address";
    FooterPortal => "АХҚО порталы", "AIFC Portal";
    FooterDisclaimer => "Бұл қосымша – АХҚО Экспат орталығының нұсқаулығына негізделген тәуелсіз анықтамалық құрал.", "This app is an independent reference tool based on the AIFC Expat Centre's guide.";
    NotFoundTitle => "Бет табылмады", "Page not found";
    NotFoundBody => "Бұл сілтеме қате немесе ескірген. Мекенжайды тексеріңіз немесе басты беттен бастаңыз.", "This link is wrong or out of date. Check the address, or start again from the home page.";
    NotFoundAsked => "Сұралған мекенжай:", "The address asked for:";
    BackHome => "Басты бетке оралу", "Back to the home page";
    Back => "Артқа", "Back";
    Continue => "Жалғастыру", "Continue";
    Change => "Өзгерту", "Change";
    ErrorSummaryTitle => "Қате бар", "There is a problem";
    ErrorPrefix => "Қате:", "Error:";
    ErrorChoose => "Бір нұсқаны таңдаңыз", "Select one option";
    ErrorCountEmpty => "Санды енгізіңіз, мысалы 0 немесе 2", "Enter a number, for example 0 or 2";
    ErrorCountNumber => "Бүтін санды цифрмен енгізіңіз, мысалы 2", "Enter a whole number in digits, for example 2";
    ErrorCountRange => "Мына аралықтағы санды енгізіңіз:", "Enter a number in the range";
    OutcomeTitle => "Сізге қажет қызмет және құжаттар тізімі", "Your service and document checklist";
    LoadingAnswers => "Осы құрылғыда сақталған жауаптарыңыз жүктелуде…", "Loading your answers saved on this device…";
    LoadingResult => "Жауаптарыңыз бен құжаттар тізіміңіз жүктелуде…", "Loading your answers and your document checklist…";
    LoadingShare => "Сілтемедегі жауаптар жүктелуде…", "Loading the answers in this link…";
    LoadingDrafts => "Осы құрылғыда сақталған жобалар жүктелуде…", "Loading the drafts saved on this device…";
    LoadingCalculators => "Алымдар мен мерзімдер калькуляторы жүктелуде…", "Loading the fee and date calculators…";
    CalculatorsNeedJavaScript => "Алымдар мен мерзімдер калькуляторына JavaScript қажет. Жоғарыдағы нұсқаулықтың кестесінде барлық сомалар берілген.", "The fee and date calculators need JavaScript. The guide's table above gives every figure.";
    NeedsJavaScript => "Бұл бет үшін JavaScript қажет. Қызметтер, құжаттар мен алымдар JavaScript-сіз де «Барлық қызметтер» бетінде қолжетімді.", "This page needs JavaScript. The services, their documents and fees can be read without it under “All services”.";
    CheckTitle => "Жауаптарыңызды тексеріңіз", "Check your answers";
    CheckLead => "Жауаптар дұрыс болса, нәтижені қараңыз: қызмет, әр адамның құжаттар тізімі, алымдар мен мерзімдер.", "If the answers are right, see the result: the service, each person's documents, the fees and the dates.";
    CheckEmpty => "Әлі жауап жоқ.", "There are no answers yet.";
    CheckUnfinished => "Бірнеше сұрақ қалды.", "A few questions remain.";
    SeeResult => "Нәтижені көру", "See the result";
    OutcomeKicker => "Сізге қажет қызмет", "The service you need";
    WhyThisService => "Неге бұл қызмет", "Why this service";
    Alternatives => "Сондай-ақ қарастырыңыз", "Also consider";
    EverythingAboutService => "Бұл қызмет туралы толық ақпарат", "Everything about this service";
    Print => "Басып шығару", "Print";
    ChangeAnswers => "Жауаптарды өзгерту", "Change your answers";
    PersonApplicant => "Өтініш беруші", "Applicant";
    PersonFamilyMember => "Отбасы мүшесі", "Family member";
    DocumentsForCentre => "Экспат орталығына арналған құжаттар", "Documents for the Expat Centre";
    IfApplicable => "қажет болса:", "if applicable:";
    BecauseCondition => "себебі:", "because:";
    NextSteps => "Келгеннен кейін", "After arrival";
    NextStepsLead => "Әдетте келесі қызметтер қажет болады:", "These services usually follow:";
    ShareTitle => "Осы жауаптармен бөлісу", "Share these answers";
    ShareHint => "Сілтемеде тек жауаптар бар: аты-жөні де, төлқұжат деректері де, күндер де жоқ. Оны басқа құрылғыда ашуға болады.", "The link holds the answers only: no names, no passport details, no dates. Open it on another device to continue there.";
    ShareLink => "Сілтеме", "Link";
    ShareOpenTitle => "Бөліскен жауаптарды ашу", "Open shared answers";
    ShareLead => "Бұл сілтемеде мына жауаптар бар:", "This link holds these answers:";
    ShareEmpty => "Бұл сілтемеде пайдалануға болатын жауап жоқ.", "This link holds no answers that can be used.";
    ShareNoticesTitle => "Сілтеменің кейбір бөліктері пайдаланылмады:", "Some parts of the link were not used:";
    ShareReplaces => "Олар жаңа жоба ретінде ашылады: басқа жобаларыңыз өзгермейді.", "They open as a new draft: your other drafts stay as they are.";
    ShareLoad => "Осы жауаптарды жүктеу", "Load these answers";
    NoticeUnknownParameter => "Белгісіз кілт елемей қалдырылды:", "An unknown key was ignored:";
    NoticeInvalidValue => "Жарамсыз мән алынып тасталды, сұрақ:", "An invalid value was dropped, for the question";
    NoticeRepeated => "Қайталанған кілттің тек бірінші мәні алынды, сұрақ:", "A repeated key: only its first value was used, for the question";
    NoticeNotShared => "Күндер сілтеме арқылы берілмейді; елемей қалдырылды:", "Dates are never shared by link; ignored:";
    NoticeNotOnPath => "Басқа жауаптар бұл сұраққа әкелмейді; елемей қалдырылды:", "The other answers do not lead to this question; ignored:";
    NoticeTooLong => "Сілтеме тым ұзын; артық бөлігі елемей қалдырылды.", "The link is too long; the rest was ignored.";
    AboutTitle => "Құпиялық және қолжетімділік", "Privacy and accessibility";
    PrivacyTitle => "Деректеріңіз осы құрылғыда қалады", "Your data stays on this device";
    PrivacyNothingLeaves => "Экспат навигатор – тек статикалық файлдар. Оның сервері жоқ: енгізгендеріңіздің ешқайсысы ешқайда жіберілмейді.", "Expat Navigator is static files only. It has no server: nothing you enter is sent anywhere.";
    PrivacyStorage => "Жауаптар мен жобалар тек осы браузердің жергілікті жадында сақталады.", "Answers and drafts are kept only in this browser's local storage.";
    PrivacyNoTracking => "Cookie файлдары, аналитика, жарнама және бөгде сайттардан жүктеу жоқ: қосымша тек өз файлдарын сұрайды.", "No cookies, analytics, advertising or third-party resources: the app requests only its own files.";
    PrivacyShareLinks => "Бөлісу сілтемелері мен QR кодтарында тек жауаптар бар: аты-жөні, төлқұжат деректері мен күндер ешқашан қосылмайды.", "Share links and QR codes hold answers only: names, passport details and dates are never included.";
    PrivacyDelete => "Жобаларды «Жобалар» бетінде кез келген уақытта жоюға немесе экспорттауға болады.", "You can delete or export your drafts at any time on the Drafts page.";
    AccessibilityTitle => "Қолжетімділік", "Accessibility";
    AccessibilityLead => "Қосымша WCAG 2.2 AA деңгейіне сай болуға арналған:", "The app is built to meet WCAG 2.2 level AA:";
    AccessibilityOneQuestion => "бір бетте бір сұрақ, нақты белгілер, fieldset пен legend, қате туралы қорытынды хабар;", "one question per page, real labels, fieldsets and legends, an error summary that takes focus;";
    AccessibilityKeyboard => "барлығын тек пернетақтамен пайдалануға болады, фокус анық көрінеді;", "everything works with a keyboard alone, with a clearly visible focus;";
    AccessibilityTested => "әр бет нақты браузерде axe-core арқылы автоматты түрде тексеріледі;", "every page is checked automatically with axe-core in a real browser;";
    AccessibilityZoom => "320 пиксель енінде және 400% масштабта жұмыс істейді, мәтін түсі жеткілікті контрастты;", "it works at 320 pixels wide and at 400% zoom, with sufficient text contrast;";
    AccessibilityLanguages => "қазақ және ағылшын тілдері, беттің тілі экран оқу құралдары үшін белгіленген.", "Kazakh and English, with the page language set for screen readers.";
    AccessibilityContact => "Қолжетімділік мәселесін тапсаңыз, оны қай бетте кездестіргеніңізді жазыңыз.", "If you find an accessibility problem, please tell us which page it was on.";
    SourcesTitle => "Дереккөздер", "Sources";
    SourcesBody => "Қызметтер, құжаттар, алымдар мен мерзімдер – АХҚО Экспат орталығының нұсқаулығынан, әр қызмет нұсқаулықтың жолдарына сілтеме жасайды. Мереке күндері мен АЕК – Қазақстанның ресми дереккөздерінен. Күмәнді сандар «расталмаған» деп белгіленген.", "Services, documents, fees and processing times come from the AIFC Expat Centre's guide; each service cites the guide's lines. Holidays and MRP values come from official Kazakh sources. Doubtful figures are marked unconfirmed.";
    DraftsTitle => "Жобалар", "Drafts";
    DraftsLead => "Әр өтінім – жеке жоба: мысалы, әр қызметкерге бір жоба. Жауаптар мен белгіленген құжаттар өзгерген сайын осы құрылғыда сақталады.", "Each application is a draft of its own: one per employee, for example. Answers and ticked documents are saved on this device as they change.";
    DraftsYours => "Сақталған жобалар", "Saved drafts";
    DraftsNone => "Әлі жоба жоқ. Жауап берген кезде жоба өздігінен құрылады.", "No drafts yet. One is created as soon as you answer a question.";
    DraftsNew => "Жаңа жоба", "New draft";
    DraftName => "Жобаның атауы", "Draft name";
    DraftNameHint => "Мысалы, қызметкердің аты-жөні. Атау тек осы құрылғыда қалады.", "For example, the employee's name. The name stays on this device.";
    DraftsCreate => "Жоба құру", "Create the draft";
    DraftsExportImport => "Экспорт және импорт", "Export and import";
    DraftsExportHint => "Жобаларды JSON файлына сақтап, басқа құрылғыға немесе браузерге көшіруге болады. Импорт ештеңені сұрамай қайта жазбайды.", "Save drafts to a JSON file to move them to another device or browser. Importing never overwrites anything without asking.";
    DraftsExportAll => "Барлық жобаны экспорттау", "Export all drafts";
    DraftsNotKept => "Бұл браузерде жобаларды сақтау мүмкін емес (жад қолжетімсіз немесе толы). Жауаптар тек осы бетте жұмыс істейді: оларды сақтау үшін экспорттаңыз.", "Drafts cannot be saved in this browser (storage is unavailable or full). Your answers work in this tab only: export them to keep them.";
    NoticeConflict => "Бұл жоба басқа бетте де өзгертілді. Сіздің өзгерістеріңіз жаңа жобада сақталды:", "This draft was also changed in another tab. Your changes were kept in a new draft:";
    NoticeConflictOther => "басқа беттің нұсқасы сол атаумен қалды", "the other tab's version stays under that name";
    NoticeDeletedElsewhere => "бұл жоба басқа бетте жойылды. Өз көшірмеңізді сақтай аласыз.", "this draft was deleted in another tab. You can keep your copy.";
    NoticeStorageFull => "Құрылғының жады толы: енді жобалар тек осы бетте сақталады. Жоғалтпау үшін экспорттаңыз.", "This device's storage is full: drafts are now kept in this tab only. Export them so nothing is lost.";
    KeepMyCopy => "Өз көшірмемді сақтау", "Keep my copy";
    Dismiss => "Жабу", "Dismiss";
    ProblemsTitle => "Сақталған деректердің бір бөлігін оқу мүмкін болмады. Олар жойылған жоқ: бөлек сақталды.", "Some saved data could not be read. Nothing was deleted: it was kept aside.";
    KeptAsideCount => "Бөлек сақталған жазбалар:", "Records kept aside:";
    ExportKeptAside => "Бөлек сақталғанды экспорттау", "Export what was kept aside";
    DiscardKeptAside => "Бөлек сақталғанды жою", "Discard what was kept aside";
    DiscardConfirm => "Бөлек сақталған деректер біржола жойылады. Алдымен экспорттадыңыз ба?", "The data kept aside will be deleted for good. Have you exported it first?";
    DraftDeleted => "жойылды.", "was deleted.";
    Undo => "Болдырмау", "Undo";
    DraftOpenNow => "ашық", "open";
    DraftInProgress => "толтырылуда", "in progress";
    DraftAnswers => "жауап", "answers";
    DraftLastChange => "соңғы өзгеріс", "last change";
    DraftOpen => "Ашу", "Open";
    DraftRename => "Атын өзгерту", "Rename";
    DraftDuplicate => "Көшірме жасау", "Duplicate";
    DraftExport => "Экспорттау", "Export";
    DraftDelete => "Жою", "Delete";
    Save => "Сақтау", "Save";
    Cancel => "Болдырмау", "Cancel";
    NameEmpty => "Атауды енгізіңіз", "Enter a name";
    NameTooLong => "Атау 100 таңбадан аспауы керек", "The name must be 100 characters or fewer";
    ImportLabel => "Жобаларды файлдан импорттау", "Import drafts from a file";
    ImportHint => "Осы қосымшадан экспортталған JSON файлы.", "A JSON file exported from this app.";
    ImportUnreadable => "Бұл файлды оқу мүмкін емес: ол осы қосымшаның экспорты емес немесе бүлінген.", "This file cannot be read: it is not an export of this app, or it is damaged.";
    ImportNotAnExport => "Бұл файл – осы қосымшаның жобалар экспорты емес.", "This file is not a drafts export of this app.";
    ImportSummary => "Файлда", "In the file";
    ImportNew => "жаңа жоба", "new drafts";
    ImportIdentical => "бұрыннан бар (өткізіледі)", "already here (skipped)";
    ImportConflict => "осы құрылғыда басқа мазмұнмен бар. Не істейміз?", "exists on this device with other content. What should happen?";
    ChoiceKeepBoth => "Екеуін де сақтау (импортталғаны жаңа жоба болады)", "Keep both (the imported one becomes a new draft)";
    ChoiceKeepExisting => "Осы құрылғыдағыны қалдыру", "Keep the one on this device";
    ChoiceReplace => "Импортталғанмен ауыстыру", "Replace it with the imported one";
    ImportConfirm => "Импорттау", "Import";
    ImportDone => "Импортталған жобалар:", "Drafts imported:";
    IssueTooLarge => "жазба тым үлкен, оқылмады", "the record is too large to read";
    IssueUnreadable => "жазба бүлінген, оқылмады", "the record is damaged and could not be read";
    IssueFutureVersion => "қосымшаның жаңа нұсқасында жазылған; өзгертілмей қалдырылды", "it was written by a newer version of the app and was left as it is";
    IssueRepaired => "жазбаның бір бөлігі жарамсыз болды және түзетілді", "part of the record was invalid and was repaired";
    IssueInvalidAnswers => "кейбір жауаптар жарамсыз болды және алынып тасталды", "some answers were invalid and were dropped";
    IssueAlreadyMigrated => "ескі нұсқаның жобасы бұрын көшірілген", "an old-format draft had already been moved";
    IssueTooMany => "жобалар тым көп; қалғандары оқылмады", "there are too many drafts; the rest were not read";
    IssueDuplicateId => "файлда бір жоба екі рет бар; екіншісі жаңа жоба болды", "the file holds one draft twice; the second became a new draft";
    HomeContinue => "Жалғастыру:", "Continue:";
    HomeStartNew => "Жаңа өтінімді бастау", "Start a new application";
    BothLanguages => "Құжаттарды қазақ және ағылшын тілдерінде қатар көрсету (басып шығару үшін)", "Show the documents in Kazakh and English side by side (for printing)";
    CatalogueTitle => "Экспат орталығының барлық қызметтері", "All Expat Centre services";
    CatalogueLead => "Нұсқаулықтағы 23 қызмет, бөлімдері бойынша. Әр қызметтің беті – құжаттар, алымдар, мерзімдер және ескертпелер.", "The guide's 23 services, by section. Each service's page has its documents, fees, processing time and notes.";
    SearchLabel => "Қызметті іздеу", "Search the services";
    SearchHint => "Қазақша немесе ағылшынша жазыңыз, мысалы: ЖСН, IIN, C3, виза", "Type in Kazakh or English, for example: IIN, ЖСН, C3, visa";
    ServicesFound => "қызмет табылды", "services found";
    ForWhom => "Кімге арналған", "Who it is for";
    VisaCategories => "Виза санаттары", "Visa categories";
    ProcessingTime => "Рәсімдеу мерзімі", "Processing time";
    MayExtend30 => "(мемлекеттік орган тарапынан кідіріс болса, күнтізбелік 30 күнге дейін ұзартылуы мүмкін)", "(may be extended by up to 30 calendar days if state bodies are delayed)";
    PortalRequest => "АХҚО порталындағы сұрау", "AIFC Portal request";
    WhoSubmits => "Құжаттарды кім тапсырады", "Who may submit the documents";
    ServiceStartWizard => "Менің жағдайыма сәйкес тізім алу", "Get a checklist for my situation";
    StepsTitle => "Өтінім беру процесі", "How to apply";
    DocumentsTitle => "Қажетті құжаттар", "Required documents";
    NoDocumentList => "Нұсқаулық бұл қызмет үшін бөлек құжаттар тізімін бермейді: төмендегі ескертпелерді қараңыз.", "The guide gives no separate document list for this service: see the notes below.";
    Step2Title => "2-қадам: виза алу", "Step 2: getting the visa";
    Step2EmbassyOrAirport => "Қазақстан Республикасының елшілігінде немесе Қазақстанның халықаралық әуежайында, мақұлданған шақыру хатпен.", "At an embassy of the Republic of Kazakhstan or at an international airport of Kazakhstan, with the approved invitation.";
    Step2EmbassyOnly => "Тек Қазақстан Республикасының елшілігінде, мақұлданған шақыру хатпен.", "At an embassy of the Republic of Kazakhstan only, with the approved invitation.";
    FeesTitle => "Алымдар", "Fees";
    FeesCaption => "Нұсқаулықтағы алымдар кестесі (бір адамға)", "The guide's fee table (per person)";
    FeeItem => "Алым", "Fee";
    Amount => "Сомасы", "Amount";
    ServiceFee => "Сервистік алым", "Service fee";
    UpToYears => "жылға дейін:", "up to years:";
    PriorityService => "Priority Service", "Priority Service";
    PersonalManager => "Дербес менеджер", "Personal Manager";
    StateFee => "Мемлекеттік баж", "State fee";
    NotOffered => "ұсынылмайды", "not offered";
    NotGiven => "нұсқаулықта көрсетілмеген", "not given in the guide";
    Unconfirmed => "расталмаған", "unconfirmed";
    UnconfirmedFee => "Бұл сома расталмаған.", "This amount is unconfirmed.";
    GuidePrints => "Нұсқаулықта басылғаны:", "The guide prints";
    NoStateFeeColumn => "нұсқаулық кестесінде мемлекеттік баж бағаны жоқ", "the guide's table has no state fee column";
    AtMrpOf => "АЕК", "MRP";
    MrpUnit => "АЕК", "MRP";
    WorkingDays => "жұмыс күні", "working days";
    Minutes => "минут", "minutes";
    ProcessingNotGiven => "нұсқаулықта көрсетілмеген", "not given in the guide";
    NotesTitle => "Ескертпелер", "Notes and warnings";
    NoteLabel => "Ескертпе", "Note";
    WarningLabel => "Назар аударыңыз", "Important";
    SourceLines => "Дереккөз: Экспат орталығының нұсқаулығы, жолдар", "Source: the Expat Centre's guide, lines";
    BackToServices => "Барлық қызметтерге оралу", "Back to all services";
    OnlyIf => "тек:", "only if:";
    SubmitterEmployer => "жұмыс беруші (АХҚО қатысушысы)", "the employer (the AIFC Participant)";
    SubmitterAsp => "АХҚО-ның лицензияланған қосалқы қызмет көрсетушісі", "a licensed AIFC Ancillary Service Provider";
    SubmitterApplicant => "өтініш берушінің өзі", "the applicant in person";
    SubmitterHostParty => "қабылдаушы тарап", "the host party";
    HolderCompany => "Жұмыс берушінің құжаты", "From the employer";
    HolderApplicant => "Негізгі өтініш беруші үшін", "For the main applicant";
    HolderFamilyMember => "Отбасы мүшесі үшін", "For a family member";
    HolderEachPerson => "Әр адам үшін", "For each person";
    CondBranch => "жұмыс беруші өкілдік немесе филиал болса", "the employer is a branch or representative office";
    CondCategory => "виза санаты:", "the visa category is";
    CondIndividual => "жеке тұлға үшін", "for an individual";
    CondLegalEntity => "заңды тұлға үшін", "for a legal entity";
    CondChild14To18 => "14-18 жастағы бала үшін", "for a child aged 14 to 18";
    CondMinor => "кәмелетке толмаған бала үшін", "for a minor";
}
