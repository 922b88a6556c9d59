use leptos::prelude::*;

use crate::ui::components::tr;
use crate::ui::i18n::Key;

/// What the app does with data (nothing leaves the device) and how it meets WCAG 2.2 AA.
#[component]
pub fn About() -> impl IntoView {
    view! {
        <h1>{tr(Key::AboutTitle)}</h1>
        <h2>{tr(Key::PrivacyTitle)}</h2>
        <p>{tr(Key::PrivacyNothingLeaves)}</p>
        <ul>
            <li>{tr(Key::PrivacyStorage)}</li>
            <li>{tr(Key::PrivacyNoTracking)}</li>
            <li>{tr(Key::PrivacyShareLinks)}</li>
            <li>{tr(Key::PrivacyDelete)}</li>
        </ul>
        <h2>{tr(Key::AccessibilityTitle)}</h2>
        <p>{tr(Key::AccessibilityLead)}</p>
        <ul>
            <li>{tr(Key::AccessibilityOneQuestion)}</li>
            <li>{tr(Key::AccessibilityKeyboard)}</li>
            <li>{tr(Key::AccessibilityTested)}</li>
            <li>{tr(Key::AccessibilityZoom)}</li>
            <li>{tr(Key::AccessibilityLanguages)}</li>
        </ul>
        <p>{tr(Key::AccessibilityContact)}</p>
        <h2>{tr(Key::SourcesTitle)}</h2>
        <p>{tr(Key::SourcesBody)}</p>
    }
}
