//! RFC 3339 timestamps, parsed by hand: the card needs only to check them,
//! compare them and print them in the publisher's own offset, and a date
//! crate would cost every reader more wasm than this file.

/// A date and time as written by the publisher, with its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    pub year: i32,
    /// 1–12
    pub month: u8,
    /// 1–31
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    /// Offset from UTC in minutes (`+02:00` is 120).
    pub offset_minutes: i32,
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() < 20 {
            return None;
        }
        let sep = |i: usize, c: u8| b.get(i) == Some(&c);
        if !(sep(4, b'-') && sep(7, b'-') && sep(13, b':') && sep(16, b':')) {
            return None;
        }
        if !matches!(b[10], b'T' | b't') {
            return None;
        }
        let year = digits(b, 0, 4)? as i32;
        let month = digits(b, 5, 2)? as u8;
        let day = digits(b, 8, 2)? as u8;
        let hour = digits(b, 11, 2)? as u8;
        let minute = digits(b, 14, 2)? as u8;
        let second = digits(b, 17, 2)?;
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
        {
            return None;
        }
        let mut rest = &b[19..];
        if rest.first() == Some(&b'.') {
            let fraction = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if fraction == 0 {
                return None;
            }
            rest = &rest[1 + fraction..];
        }
        let offset_minutes = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let hours = digits(rest, 1, 2)? as i32;
                let minutes = digits(rest, 4, 2)? as i32;
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let total = hours * 60 + minutes;
                if *sign == b'-' {
                    -total
                } else {
                    total
                }
            }
            _ => return None,
        };
        Some(Timestamp {
            year,
            month,
            day,
            hour,
            minute,
            offset_minutes,
        })
    }

    /// Minutes since 1970-01-01T00:00Z, for comparing timestamps written
    /// with different offsets.
    pub fn unix_minutes(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute)
            - i64::from(self.offset_minutes)
    }
}

fn digits(b: &[u8], start: usize, len: usize) -> Option<u32> {
    b.get(start..start + len)?.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since the Unix epoch for a proleptic Gregorian date (Howard
/// Hinnant's well-known civil-calendar algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offset_and_utc_forms() {
        let t = Timestamp::parse("2025-08-17T14:30:00+02:00").unwrap();
        assert_eq!(
            (t.year, t.month, t.day, t.hour, t.minute),
            (2025, 8, 17, 14, 30)
        );
        assert_eq!(t.offset_minutes, 120);
        let utc = Timestamp::parse("2025-08-17T12:30:00.250Z").unwrap();
        assert_eq!(utc.offset_minutes, 0);
        assert_eq!(t.unix_minutes(), utc.unix_minutes());
        assert_eq!(
            Timestamp::parse("2024-02-29T00:00:00-05:30")
                .unwrap()
                .offset_minutes,
            -330
        );
    }

    #[test]
    fn epoch_is_zero() {
        assert_eq!(
            Timestamp::parse("1970-01-01T00:00:00Z")
                .unwrap()
                .unix_minutes(),
            0
        );
        assert_eq!(
            Timestamp::parse("2000-03-01T00:00:00Z")
                .unwrap()
                .unix_minutes(),
            11_017 * 1440
        );
    }

    #[test]
    fn refuses_what_is_not_rfc_3339() {
        for bad in [
            "",
            "2025-08-17",
            "2025-08-17 14:30:00+02:00",
            "2025-08-17T14:30:00",
            "2025-08-17T14:30+02:00",
            "2025-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2025-04-31T00:00:00Z",
            "2025-08-17T24:00:00Z",
            "2025-08-17T14:30:00.Z",
            "2025-08-17T14:30:00+0200",
            "2025-08-17T14:30:00+02:00 ",
            "17.08.2025 14:30",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad:?} should be refused");
        }
    }
}
