//! The share bar's icons: simple line drawings of our own, inline, so that
//! showing them loads nothing from anywhere. Each is one SVG path on a 24 px
//! grid, drawn in the text colour (which also keeps them visible in
//! forced-colours mode).

use yew::prelude::*;

use crate::share::Service;

/// The icon of a service, or of the native share button (`None`).
pub fn icon(service: Option<Service>) -> Html {
    let d = match service {
        None => "M12 3v12M8 7l4-4 4 4M5 11v9h14v-9",
        Some(Service::WhatsApp) => "M12 3a8.5 8.5 0 0 0-7.3 12.9L3.5 20.5l4.7-1.2A8.5 8.5 0 1 0 12 3zM9 9c0 3 2.6 6 6 6",
        Some(Service::Facebook) => "M15 3h-2a4 4 0 0 0-4 4v14M6 11h8",
        Some(Service::X) => "M5 4l14 16M19 4L5 20",
        Some(Service::LinkedIn) => "M3 3h18v18H3zM8 10v7M8 7v.01M12 17v-4a2 2 0 0 1 4 0v4M12 10v7",
        Some(Service::Xing) => "M6 7l2.5 4.5L6 16M17 3l-6 10.5 4.5 7.5",
        Some(Service::Telegram) => "M21 4L3 11l7 2 2 7 9-16zM10 13l11-9",
        Some(Service::Bluesky) => "M12 11C10 7 6 4 4 5s0 6 3 7c-3 1-3 5 0 6s4-2 5-5c1 3 2 6 5 5s3-5 0-6c3-1 5-6 3-7s-6 2-8 6z",
        Some(Service::Threema) => "M12 3c-5 0-9 3.2-9 7.2 0 2.2 1.2 4.2 3.2 5.5L5.5 19l4-1.6c.8.2 1.6.3 2.5.3 5 0 9-3.2 9-7.2S17 3 12 3zM10 9.5v-1a2 2 0 0 1 4 0v1M9 9.5h6v3.5H9zM8 21.5h.01M12 21.5h.01M16 21.5h.01",
        Some(Service::Pinterest) => "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM10 17.5l2-9.5M11 8h2.5a2.5 2.5 0 0 1 0 5h-2.3",
        Some(Service::Reddit) => "M12 9c-4.4 0-8 2.4-8 5.3S7.6 19.5 12 19.5s8-2.4 8-5.2S16.4 9 12 9zM12 9l1.5-5 4 1M18 5h.01M9 13.5h.01M15 13.5h.01M9.5 16.5c1.5 1 3.5 1 5 0",
        Some(Service::Mail) => "M3 5h18v14H3zM3 5l9 8 9-8",
        Some(Service::Copy) => "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
        Some(Service::Print) => "M6 9V3h12v6M6 18H4v-7h16v7h-2M6 14h12v7H6z",
    };
    html! {
        <svg class="ac-share__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path {d} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
