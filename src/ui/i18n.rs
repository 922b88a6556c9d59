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
    ShareReplaces => "Жүктелген жауаптар осы құрылғыдағы ағымдағы жауаптардың орнына келеді.", "Loading them replaces the answers currently open on this device.";
    ShareLoad => "Осы жауаптарды жүктеу", "Load these answers";
    NoticeUnknownKey => "Белгісіз кілт елемей қалдырылды:", "An unknown key was ignored:";
    NoticeInvalidValue => "Жарамсыз мән алынып тасталды, сұрақ:", "An invalid value was dropped, for the question";
    NoticeRepeated => "Қайталанған кілттің тек бірінші мәні алынды, сұрақ:", "A repeated key: only its first value was used, for the question";
    NoticeNotShared => "Күндер сілтеме арқылы берілмейді; елемей қалдырылды:", "Dates are never shared by link; ignored:";
    NoticeNotOnPath => "Басқа жауаптар бұл сұраққа әкелмейді; елемей қалдырылды:", "The other answers do not lead to this question; ignored:";
    NoticeTooLong => "Сілтеме тым ұзын; артық бөлігі елемей қалдырылды.", "The link is too long; the rest was ignored.";
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
