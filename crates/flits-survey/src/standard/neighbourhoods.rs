//! The neighbourhoods (wijken) of an audience, as configured (`neighbourhoods` of `[[audiences]]`):
//! the options of the standard neighbourhood question.
//!
//! Parsed once, when the configuration is read, by the rules an option of a poll must keep, so a
//! list that would make the question invalid stops start-up instead of reaching a poll.

use serde::{Deserialize, Serialize};

use crate::resident_texts::TextRole;
use crate::validate::{ID_MAX_LEN, MAX_OPTIONS, MIN_OPTIONS, id_char};

/// Why a configured neighbourhood or list of them cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidNeighbourhood {
    /// The id breaks the rule of option ids.
    #[error(
        "neighbourhood id {id:?}: expected 1 to {ID_MAX_LEN} characters, each a lowercase letter a-z, a digit, - or _"
    )]
    Id { id: String },
    /// The name is empty or longer than an option's text may be.
    #[error("neighbourhood {id:?}: its name must be 1 to {max} characters long", max = TextRole::OptionText.max_chars())]
    Name { id: String },
    /// Two neighbourhoods of one audience share an id.
    #[error("neighbourhood id {id:?} is listed twice")]
    Duplicate { id: String },
    /// A list too short or too long to be the options of one question.
    #[error(
        "a list of neighbourhoods has {MIN_OPTIONS} to {MAX_OPTIONS} entries (the options of one question), found {count}"
    )]
    Count { count: usize },
}

/// One neighbourhood: the id its answers are stored and counted by, and the name residents read
/// (a proper name, the same in every language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "NeighbourhoodFields")]
pub struct Neighbourhood {
    id: String,
    name: String,
}

/// The fields as written, before their rules are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NeighbourhoodFields {
    id: String,
    name: String,
}

impl TryFrom<NeighbourhoodFields> for Neighbourhood {
    type Error = InvalidNeighbourhood;

    fn try_from(f: NeighbourhoodFields) -> Result<Self, Self::Error> {
        Neighbourhood::new(&f.id, &f.name)
    }
}

impl Neighbourhood {
    /// The only way to make one: the id follows the rule of option ids, the name fits an option.
    pub fn new(id: &str, name: &str) -> Result<Neighbourhood, InvalidNeighbourhood> {
        let id_ok = (1..=ID_MAX_LEN).contains(&id.chars().count()) && id.chars().all(id_char);
        if !id_ok {
            return Err(InvalidNeighbourhood::Id { id: id.to_owned() });
        }
        let name = name.trim();
        if name.is_empty() || name.chars().count() > TextRole::OptionText.max_chars() {
            return Err(InvalidNeighbourhood::Name { id: id.to_owned() });
        }
        Ok(Neighbourhood {
            id: id.to_owned(),
            name: name.to_owned(),
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

/// The neighbourhoods of one audience, in the order residents see them. Empty when none are
/// configured (then the neighbourhood question is not offered); otherwise as many as one question
/// may have options, each id once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Neighbourhood>", into = "Vec<Neighbourhood>")]
pub struct Neighbourhoods(Vec<Neighbourhood>);

impl TryFrom<Vec<Neighbourhood>> for Neighbourhoods {
    type Error = InvalidNeighbourhood;

    fn try_from(list: Vec<Neighbourhood>) -> Result<Self, Self::Error> {
        Neighbourhoods::new(list)
    }
}

impl From<Neighbourhoods> for Vec<Neighbourhood> {
    fn from(list: Neighbourhoods) -> Self {
        list.0
    }
}

impl Neighbourhoods {
    /// Checks the list: none at all, or [`MIN_OPTIONS`] to [`MAX_OPTIONS`] with distinct ids.
    pub fn new(list: Vec<Neighbourhood>) -> Result<Neighbourhoods, InvalidNeighbourhood> {
        if !list.is_empty() && !(MIN_OPTIONS..=MAX_OPTIONS).contains(&list.len()) {
            return Err(InvalidNeighbourhood::Count { count: list.len() });
        }
        for (i, n) in list.iter().enumerate() {
            if list[..i].iter().any(|m| m.id == n.id) {
                return Err(InvalidNeighbourhood::Duplicate { id: n.id.clone() });
            }
        }
        Ok(Neighbourhoods(list))
    }

    /// Whether none are configured.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Neighbourhood> {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a Neighbourhoods {
    type Item = &'a Neighbourhood;
    type IntoIter = std::slice::Iter<'a, Neighbourhood>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
