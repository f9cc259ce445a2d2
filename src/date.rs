//! A calendar date, without a dependency.

use std::fmt;
use std::str::FromStr;

/// A valid day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, when `day` exists in `month` of `year`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month as u32
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// The day before.
    pub fn pred(self) -> Date {
        if self.day > 1 {
            return Date {
                day: self.day - 1,
                ..self
            };
        }
        let (year, month) = if self.month == 1 {
            (self.year - 1, 12)
        } else {
            (self.year, self.month as u32 - 1)
        };
        Date {
            year,
            month: month as u8,
            day: days_in_month(year, month) as u8,
        }
    }

    /// The day after.
    pub fn succ(self) -> Date {
        if (self.day as u32) < days_in_month(self.year, self.month as u32) {
            return Date {
                day: self.day + 1,
                ..self
            };
        }
        if self.month == 12 {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        }
    }
}

/// True for leap years.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The error of parsing a date that is not "YYYY-MM-DD" or does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError;

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected an existing date written YYYY-MM-DD")
    }
}

impl std::error::Error for DateParseError {}

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let mut parts = s.trim().splitn(3, '-');
        let mut next = || -> Result<u32, DateParseError> {
            parts
                .next()
                .and_then(|p| p.parse().ok())
                .ok_or(DateParseError)
        };
        let (y, m, d) = (next()?, next()?, next()?);
        Date::new(y as i32, m, d).ok_or(DateParseError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_existing_days_are_dates() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2023, 13, 1).is_none());
        assert_eq!(
            "2022-12-29".parse::<Date>().unwrap().to_string(),
            "2022-12-29"
        );
        assert!("29/12/2022".parse::<Date>().is_err());
    }

    #[test]
    fn neighbours_cross_months_and_years() {
        let d = Date::new(2023, 1, 1).unwrap();
        assert_eq!(d.pred().to_string(), "2022-12-31");
        assert_eq!(d.pred().succ(), d);
    }
}
