//! Each label's underline as a CSS background layer: its colour and a pattern (solid, dashed,
//! dotted, double, wavy, dash-dot), so labels differ without colour. Backgrounds, not borders or
//! padding, so Arabic letters stay joined across highlight edges.

use crate::model::labels::Pattern;

/// Underlines stack this far apart (px), one band per annotation covering the text.
const PITCH: usize = 5;

/// A pattern in `color` as one background image and its tile size.
fn line(pattern: Pattern, color: &str) -> (String, &'static str) {
    match pattern {
        Pattern::Solid => (format!("linear-gradient({color},{color})"), "100% 3px"),
        Pattern::Dashed => (format!("linear-gradient(90deg,{color} 0 8px,transparent 8px)"), "12px 3px"),
        Pattern::Dotted => (format!("radial-gradient(circle,{color} 0 1.6px,transparent 2px)"), "6px 4px"),
        Pattern::Double => (format!("linear-gradient({color} 0 1px,transparent 1px 3px,{color} 3px)"), "100% 4px"),
        Pattern::DashDot => (format!("linear-gradient(90deg,{color} 0 7px,transparent 7px 9px,{color} 9px 11px,transparent 11px)"), "14px 3px"),
        // A real wave needs a curve: a tiny SVG (the CSP allows data: images). Colours are checked
        // hex, so only `#` needs escaping.
        Pattern::Wavy => {
            let stroke = color.replace('#', "%23");
            (
                format!(
                    "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='8' height='4'%3E%3Cpath d='M0 2Q2 0 4 2T8 2' fill='none' stroke='{stroke}' stroke-width='1.4'/%3E%3C/svg%3E\")"
                ),
                "8px 4px",
            )
        }
    }
}

/// `#rrggbb` as `rgba(r,g,b,alpha)`, for layering translucent highlights.
pub fn translucent(hex: &str, alpha: f32) -> String {
    let h = hex.trim_start_matches('#');
    let full: String = if h.len() == 3 { h.chars().flat_map(|c| [c, c]).collect() } else { h.chars().take(6).collect() };
    let byte = |i: usize| u8::from_str_radix(full.get(i..i + 2).unwrap_or("99"), 16).unwrap_or(0x99);
    format!("rgba({},{},{},{alpha})", byte(0), byte(2), byte(4))
}

/// The background of a highlight covered by `looks` (outermost first): one underline band each,
/// the first lowest, over one translucent layer each, so overlaps read darker. Keep the alpha in
/// step with scripts/contrast.js, which checks text on every stack.
pub fn highlight_style<'a>(looks: impl Iterator<Item = (Pattern, &'a str)> + Clone) -> String {
    let (mut images, mut sizes, mut positions, mut repeats) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (k, (pattern, color)) in looks.clone().enumerate() {
        let (image, size) = line(pattern, color);
        images.push(image);
        sizes.push(size.to_string());
        positions.push(format!("0 calc(100% - {}px)", k * PITCH));
        repeats.push("repeat-x");
    }
    // Stacked layers add up to a bright tint, too bright for light text on the dark theme: a veil
    // (transparent in the light theme) tones the fills down, under the underlines.
    if looks.clone().nth(1).is_some() {
        images.push("linear-gradient(var(--mark-veil),var(--mark-veil))".into());
        sizes.push("100% 100%".into());
        positions.push("0 0".into());
        repeats.push("no-repeat");
    }
    for (_, color) in looks {
        let c = translucent(color, 0.28);
        images.push(format!("linear-gradient({c},{c})"));
        sizes.push("100% 100%".into());
        positions.push("0 0".into());
        repeats.push("no-repeat");
    }
    format!(
        "background-image:{};background-size:{};background-position:{};background-repeat:{}",
        images.join(","),
        sizes.join(","),
        positions.join(","),
        repeats.join(",")
    )
}

/// A label chip or button: its colour in `--var` and its underline along the bottom.
pub fn chip_style(var: &str, pattern: Pattern, color: &str) -> String {
    let (image, size) = line(pattern, color);
    format!("--{var}:{color};background-image:{image};background-size:{size};background-position:0 100%;background-repeat:repeat-x")
}
