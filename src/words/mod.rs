//! The words every stage shares: a market's status, a posting's pay unit and kind, an
//! employer's kind, the plan's services and a market's facilities, whom a posting
//! welcomes, a hotline's and an event's kind. Each is read from content by its key
//! (`pay.unit: day`), and its key names its interface string (`status_operating`), its
//! CSS class and its value in the data files: [`Word::key`] gives it without a trip
//! through serde, and the key and serde's name are one literal, so they cannot differ.
//!
//! Beside them the shared values: dates, date-times, clock times and day sets as editors
//! write them (`scalars`), a point on the map and a hotline (`place`), the plan's five
//! functions and basic facilities, and the interface's strings in each language (`i18n`).

pub mod i18n;
mod place;
pub mod scalars;

pub use place::{Hotline, LatLon};

/// The five functions the plan asks of every market (等候用工、求职信息发布、技能培训、劳动维权、法律咨询).
pub const REQUIRED_SERVICES: [Service; 5] = [
    Service::Waiting,
    Service::Postings,
    Service::Training,
    Service::Rights,
    Service::Legal,
];

/// Basic facilities a waiting worker needs.
pub const BASIC_FACILITIES: [Facility; 4] = [
    Facility::Seating,
    Facility::Water,
    Facility::Toilets,
    Facility::InfoBoard,
];

/// A shared word: its key, as content files and data files spell it.
pub trait Word: Copy {
    fn key(&self) -> &'static str;
}

macro_rules! words {
    ($(
        $(#[$meta:meta])*
        pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $key:literal,)+ }
    )+) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[derive(serde::Deserialize, serde::Serialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant,)+
        }

        impl $name {
            /// Every value, in the order of the declaration.
            #[allow(dead_code)]
            pub const ALL: &[$name] = &[$($name::$variant,)+];

            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }
        }

        impl Word for $name {
            fn key(&self) -> &'static str {
                $name::key(*self)
            }
        }
    )+};
}

words! {
    /// `kind:` of a hotline.
    pub enum HotlineKind {
        Service = "service",
        Complaint = "complaint",
        Legal = "legal",
        Rights = "rights",
        Training = "training",
    }

    /// `status:` of a market.
    pub enum MarketStatus {
        Planned = "planned",
        Building = "building",
        Operating = "operating",
        Suspended = "suspended",
        Closed = "closed",
    }

    /// One of the services the plan asks a market to offer.
    pub enum Service {
        Waiting = "waiting",
        Postings = "postings",
        QuickHire = "quick_hire",
        Training = "training",
        Rights = "rights",
        Legal = "legal",
        Guidance = "guidance",
        Assistance = "assistance",
    }

    /// One of a market's basic facilities.
    pub enum Facility {
        Shelter = "shelter",
        Heating = "heating",
        Cooling = "cooling",
        Seating = "seating",
        Desks = "desks",
        Water = "water",
        Charging = "charging",
        Parking = "parking",
        Toilets = "toilets",
        Accessible = "accessible",
        InfoBoard = "info_board",
    }

    /// `employer.kind:` of a posting.
    #[derive(Default)]
    pub enum EmployerKind {
        #[default]
        Company = "company",
        Individual = "individual",
        Agency = "agency",
        Public = "public",
    }

    /// `pay.unit:` of a posting.
    pub enum PayUnit {
        Hour = "hour",
        Day = "day",
        Piece = "piece",
        Month = "month",
    }

    /// Whom a posting welcomes (`welcomes:`).
    pub enum Welcome {
        Older = "older",
        Disabled = "disabled",
        LongUnemployed = "long_unemployed",
        LowIncome = "low_income",
    }

    /// `status:` of a posting: open, or filled (已招满).
    #[derive(Default)]
    pub enum PostingStatus {
        #[default]
        Open = "open",
        Filled = "filled",
    }

    /// `kind:` of a posting.
    #[derive(Default)]
    pub enum JobKind {
        #[default]
        Day = "day",
        PartTime = "part_time",
        Piece = "piece",
        FullTime = "full_time",
    }

    /// `kind:` of an event.
    pub enum EventKind {
        /// 零工专场招聘会 at a market or hall.
        Fair = "fair",
        /// 流动招工大篷车: several dated stops across counties.
        Caravan = "caravan",
        /// Any other 专场 (for older workers, for people with disabilities, …).
        Special = "special",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key is what serde reads and writes, for every value of every word.
    fn same<
        T: Word + serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    >(
        all: &[T],
    ) {
        for &v in all {
            let json = serde_json::to_value(v).expect("serialises");
            assert_eq!(json.as_str(), Some(v.key()), "{v:?}");
            let back: T = serde_json::from_value(json).expect("reads back");
            assert_eq!(back, v);
        }
    }

    #[test]
    fn every_key_is_the_name_serde_reads() {
        same(HotlineKind::ALL);
        same(MarketStatus::ALL);
        same(Service::ALL);
        same(Facility::ALL);
        same(EmployerKind::ALL);
        same(PayUnit::ALL);
        same(Welcome::ALL);
        same(PostingStatus::ALL);
        same(JobKind::ALL);
        same(EventKind::ALL);
        assert_eq!(Facility::InfoBoard.key(), "info_board");
        assert_eq!(JobKind::default(), JobKind::Day);
    }
}
