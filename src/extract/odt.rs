//! ODT reader (being written).

use super::{ExtractError, Limits};
use crate::model::Document;

pub fn extract(_bytes: &[u8], _limits: &Limits) -> Result<Document, ExtractError> {
    Err(ExtractError::Corrupt(
        "odt reader not implemented yet".into(),
    ))
}
