//! A minimal zip writer: stored (uncompressed) entries with UTF-8 names. Enough for a brat bundle.

fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *slot = c;
    }
    !data.iter().fold(!0u32, |c, &b| table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

/// A zip archive of `(name, content)` entries, stored without compression.
pub fn stored(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    const UTF8_NAMES: u16 = 1 << 11;
    const DOS_DATE_1980_01_01: u16 = (1 << 5) | 1;
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for (name, data) in entries {
        let offset = out.len() as u32;
        let (crc, size, name_len) = (crc32(data), data.len() as u32, name.len() as u16);
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        for x in [20, UTF8_NAMES, 0, 0, DOS_DATE_1980_01_01] {
            u16le(&mut out, x);
        }
        for x in [crc, size, size] {
            u32le(&mut out, x);
        }
        u16le(&mut out, name_len);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory entry.
        u32le(&mut central, 0x0201_4b50);
        for x in [20, 20, UTF8_NAMES, 0, 0, DOS_DATE_1980_01_01] {
            u16le(&mut central, x);
        }
        for x in [crc, size, size] {
            u32le(&mut central, x);
        }
        for x in [name_len, 0, 0, 0, 0] {
            u16le(&mut central, x);
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (central_offset, central_size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for x in [0, 0, entries.len() as u16, entries.len() as u16] {
        u16le(&mut out, x);
    }
    u32le(&mut out, central_size);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn python_can_read_the_archive() {
        // Checked with Python's zipfile when python3 is present (it is on the CI machine).
        let zip = stored(&[("مقال.txt".into(), "نص 😀\n".as_bytes().to_vec()), ("a.ann".into(), b"T1\tclaim 0 2\t\xd9\x86\xd8\xb5\n".to_vec())]);
        let path = std::env::temp_dir().join(format!("annota-zip-test-{}.zip", std::process::id()));
        std::fs::write(&path, &zip).unwrap();
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint('|'.join(n + '=' + z.read(n).decode('utf-8') for n in z.namelist()))";
        let out = std::process::Command::new("python3").arg("-c").arg(script).arg(&path).output();
        let _ = std::fs::remove_file(&path);
        let out = out.expect("python3 runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), "مقال.txt=نص 😀\n|a.ann=T1\tclaim 0 2\tنص\n\n");
    }
}
