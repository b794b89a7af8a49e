//! Invite links to a team library (docs/team-protocol.md): the app's URL with
//! `#team=<base64url(JSON {"server": "ws://…", "token": "…"})>`. The token rides in the fragment, so
//! it is never sent to the app's server. This reads (and writes) the fragment; the bridge takes it
//! out of the address bar once read (`bridge::team::take_invite`). Nothing here checks a token's
//! signature: only the server can; [`Invite::claims`] reads what the token says it is, for display.

use serde_json::Value;
use std::fmt;

/// The fragment parameter of an invite.
pub const PARAM: &str = "team";

/// What an invite link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invite {
    /// The sync server, `ws://…` or `wss://…`.
    pub server: String,
    pub token: String,
}

/// Why an invite link cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InviteError {
    /// `team=` is empty.
    Empty,
    /// Not base64url (the link was cut or changed).
    NotBase64,
    /// Decoded, but not the JSON of an invite (the reason from the parser).
    NotJson(String),
    /// The server is not a `ws://` or `wss://` address.
    BadServer(String),
    /// The token is not `payload.signature` in base64url, or its payload is not a token's.
    BadToken,
}

impl fmt::Display for InviteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InviteError::Empty => write!(f, "the invite link is empty"),
            InviteError::NotBase64 => write!(f, "the invite link is damaged (not base64url); was it cut when copied?"),
            InviteError::NotJson(why) => write!(f, "the invite link is damaged ({why})"),
            InviteError::BadServer(s) => write!(f, "the invite link's server is not a ws:// or wss:// address: {s}"),
            InviteError::BadToken => write!(f, "the invite link's token is damaged"),
        }
    }
}

/// What a token says about itself (unverified: the server checks the signature).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenClaims {
    pub v: u64,
    pub lib: String,
    pub mem: String,
    pub role: String,
    pub name: String,
    pub iat: u64,
    pub exp: Option<u64>,
}

// Read through `serde_json::Value`, which the app parses anyway: no parser of its own in the wasm.
fn text_field(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_string)
}

impl Invite {
    /// The token's payload, read without checking its signature.
    pub fn claims(&self) -> Result<TokenClaims, InviteError> {
        let (payload, signature) = self.token.split_once('.').ok_or(InviteError::BadToken)?;
        if payload.is_empty() || signature.is_empty() || decode(signature).is_none() {
            return Err(InviteError::BadToken);
        }
        let json = decode(payload).ok_or(InviteError::BadToken)?;
        let json = String::from_utf8(json).map_err(|_| InviteError::BadToken)?;
        let value: Value = serde_json::from_str(&json).map_err(|_| InviteError::BadToken)?;
        let claims = || {
            Some(TokenClaims {
                v: value.get("v")?.as_u64()?,
                lib: text_field(&value, "lib")?,
                mem: text_field(&value, "mem")?,
                role: text_field(&value, "role")?,
                name: text_field(&value, "name").unwrap_or_default(),
                iat: value.get("iat").and_then(Value::as_u64).unwrap_or(0),
                exp: value.get("exp").and_then(Value::as_u64),
            })
        };
        claims().ok_or(InviteError::BadToken)
    }

    /// The fragment (with `#`) of a link that carries this invite.
    pub fn fragment(&self) -> String {
        let json = serde_json::json!({"server": self.server, "token": self.token}).to_string();
        format!("#{PARAM}={}", encode(json.as_bytes()))
    }
}

/// Reads the invite code (what follows `team=`).
pub fn parse(code: &str) -> Result<Invite, InviteError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(InviteError::Empty);
    }
    let json = decode(code).ok_or(InviteError::NotBase64)?;
    // from_str, not from_slice: the app has that parser already (a second one is 4 KB of wasm).
    let json = String::from_utf8(json).map_err(|_| InviteError::NotJson("not UTF-8".into()))?;
    let value: Value = serde_json::from_str(&json).map_err(|e| InviteError::NotJson(e.to_string()))?;
    let field = |key: &str| text_field(&value, key).ok_or_else(|| InviteError::NotJson(format!("no \"{key}\" string")));
    let invite = Invite { server: field("server")?, token: field("token")? };
    let scheme_ok = invite.server.starts_with("ws://") || invite.server.starts_with("wss://");
    if !scheme_ok || invite.server.len() <= "wss://".len() || invite.server.chars().any(char::is_whitespace) {
        return Err(InviteError::BadServer(invite.server));
    }
    invite.claims()?;
    Ok(invite)
}

/// The invite in a URL fragment (`#team=…`, with or without `#`, possibly among other
/// `&`-separated parameters): `None` when it has none.
pub fn from_fragment(fragment: &str) -> Option<Result<Invite, InviteError>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let prefix = format!("{PARAM}=");
    fragment.split('&').find_map(|part| part.strip_prefix(&prefix)).map(parse)
}

/// The fragment (with `#`, or empty) once the invite is taken out of it; other parameters stay.
pub fn fragment_without(fragment: &str) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let prefix = format!("{PARAM}=");
    let rest: Vec<&str> = fragment.split('&').filter(|p| !p.is_empty() && !p.starts_with(&prefix)).collect();
    if rest.is_empty() {
        String::new()
    } else {
        format!("#{}", rest.join("&"))
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
        }
    }
    out
}

/// base64url, padded or not (`+` and `/` of plain base64 are taken too); `None` if it is not.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero, or the text was not what an encoder writes.
    (acc == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(payload: &str) -> String {
        format!("{}.{}", encode(payload.as_bytes()), encode(b"0123456789abcdef0123456789abcdef"))
    }

    fn invite() -> Invite {
        let payload = r#"{"v":1,"lib":"L1","mem":"M2","role":"editor","name":"Zeynep","iat":1764000000}"#;
        Invite { server: "ws://127.0.0.1:1234".into(), token: token(payload) }
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 200) as u8).collect();
            let text = encode(&bytes);
            assert!(!text.contains('=') && !text.contains('+') && !text.contains('/'));
            assert_eq!(decode(&text), Some(bytes.clone()), "length {len}");
            let padded = format!("{text}{}", "=".repeat((4 - text.len() % 4) % 4));
            assert_eq!(decode(&padded), Some(bytes), "padded, length {len}");
        }
        assert_eq!(encode(b"\xfb\xff"), "-_8");
        assert_eq!(decode("A"), None);
        assert_eq!(decode("ab$d"), None);
        assert_eq!(decode("AB"), None, "leftover bits set");
    }

    #[test]
    fn an_invite_survives_its_fragment() {
        let inv = invite();
        let fragment = inv.fragment();
        assert!(fragment.starts_with("#team="));
        assert_eq!(from_fragment(&fragment), Some(Ok(inv.clone())));
        assert_eq!(from_fragment(&fragment[1..]), Some(Ok(inv.clone())), "without the #");
        assert_eq!(from_fragment(&format!("#x=1&{}&y", &fragment[1..])), Some(Ok(inv.clone())), "among others");
        let claims = inv.claims().unwrap();
        assert_eq!((claims.lib.as_str(), claims.mem.as_str(), claims.role.as_str(), claims.name.as_str()), ("L1", "M2", "editor", "Zeynep"));
        assert_eq!(claims.exp, None);
    }

    #[test]
    fn a_fragment_without_an_invite_has_none() {
        assert_eq!(from_fragment(""), None);
        assert_eq!(from_fragment("#"), None);
        assert_eq!(from_fragment("#article=3"), None);
        assert_eq!(from_fragment("#teams=abc"), None);
    }

    #[test]
    fn each_damage_has_its_error() {
        let code = |json: &str| encode(json.as_bytes());
        assert_eq!(parse(""), Err(InviteError::Empty));
        assert_eq!(parse("not base64!"), Err(InviteError::NotBase64));
        assert!(matches!(parse(&code("{\"server\":1}")), Err(InviteError::NotJson(_))));
        assert!(matches!(parse(&code("[]")), Err(InviteError::NotJson(_))));
        let good = invite();
        let with = |server: &str, token: &str| code(&serde_json::json!({"server": server, "token": token}).to_string());
        assert_eq!(parse(&with("http://x", &good.token)), Err(InviteError::BadServer("http://x".into())));
        assert_eq!(parse(&with("ws://", &good.token)), Err(InviteError::BadServer("ws://".into())));
        assert_eq!(parse(&with("wss://a b", &good.token)), Err(InviteError::BadServer("wss://a b".into())));
        assert_eq!(parse(&with("wss://sync.example", "nodot")), Err(InviteError::BadToken));
        assert_eq!(parse(&with("wss://sync.example", &token("{\"v\":1}"))), Err(InviteError::BadToken));
        assert_eq!(parse(&with("wss://sync.example", &format!("{}.", encode(b"{}")))), Err(InviteError::BadToken));
        assert!(parse(&with("wss://sync.example", &good.token)).is_ok());
        // A link cut short when copied.
        let fragment = good.fragment();
        assert!(from_fragment(&fragment[..fragment.len() - 5]).unwrap().is_err());
        for e in [InviteError::Empty, InviteError::NotBase64, InviteError::BadToken, InviteError::BadServer("x".into())] {
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn taking_the_invite_out_keeps_the_rest() {
        assert_eq!(fragment_without("#team=abc"), "");
        assert_eq!(fragment_without("team=abc"), "");
        assert_eq!(fragment_without("#a=1&team=abc&b"), "#a=1&b");
        assert_eq!(fragment_without("#a=1"), "#a=1");
        assert_eq!(fragment_without(""), "");
    }
}
