//! The legend: each label's name, colour, underline pattern and key, so that highlights can be
//! read without telling colours apart.

use super::i18n::use_tr;
use super::pattern::highlight_style;
use crate::model::labels::Label;
use crate::model::labels::Pattern;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub labels: Rc<Vec<Label>>,
}

#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let tr = use_tr();
    html! {
        <section class="panel legend" aria-labelledby="legend-title">
            <h2 id="legend-title">{ tr.t("Legend") }</h2>
            <ul class="legend-list" role="list">
                { for props.labels.iter().enumerate().map(|(i, l)| {
                    let pattern = Pattern::at(i);
                    html! {
                        <li key={l.id.0.clone()}>
                            // A sample highlight, drawn exactly as the article draws one.
                            <span class="swatch" aria-hidden="true" style={highlight_style(std::iter::once((pattern, l.color.as_str())))}></span>
                            <span class="legend-name" dir="auto">{ l.name.clone() }</span>
                            <span class="legend-pattern">{ tr.t(pattern.name()) }</span>
                            if let Some(key) = &l.hotkey {
                                <span class="legend-key"><span class="visually-hidden">{ tr.t("key ") }</span><kbd>{ key.clone() }</kbd></span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
