//! Messages to the user: what an action did, what went wrong, what was kept aside.

use crate::bridge::download;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// A file the user can download from the notice: (name, content).
    pub download: Option<(String, String)>,
}

impl Notice {
    pub fn new(level: Level, text: impl Into<String>) -> Self {
        Notice { level, text: text.into(), download: None }
    }
    pub fn with_download(mut self, download: Option<(String, String)>) -> Self {
        self.download = download;
        self
    }
}

/// The notices on screen. A reducer, so that a timer dismissing one never restores a stale list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NoticeList(pub Vec<Notice>);

pub enum NoticeAction {
    Push(Notice),
    Dismiss(String),
}

impl Reducible for NoticeList {
    type Action = NoticeAction;
    fn reduce(self: std::rc::Rc<Self>, action: NoticeAction) -> std::rc::Rc<Self> {
        let mut list = self.0.clone();
        match action {
            NoticeAction::Push(n) => {
                list.retain(|old| old.text != n.text);
                list.push(n);
            }
            NoticeAction::Dismiss(text) => list.retain(|n| n.text != text),
        }
        std::rc::Rc::new(NoticeList(list))
    }
}

/// How long a notice that needs no action stays on screen.
pub const INFO_SECONDS: u32 = 10;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<String>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let tr = super::i18n::use_tr();
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for props.notices.iter().map(|n| {
                let class = match n.level { Level::Info => "info", Level::Warning => "warning", Level::Error => "error" };
                let dismiss = { let cb = props.on_dismiss.clone(); let t = n.text.clone(); Callback::from(move |_| cb.emit(t.clone())) };
                html! {
                    <div class={classes!("banner", class)} key={n.text.clone()}>
                        <span dir="auto">{ tr.t_str(&n.text) }</span>
                        if let Some((name, content)) = n.download.clone() {
                            <button onclick={Callback::from(move |_| { let _ = download::download(&name, "text/plain", &content); })}>
                                { tr.t("Download it") }
                            </button>
                        }
                        <button class="dismiss" onclick={dismiss} aria-label={tr.t("Dismiss")}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
