//! Knowledge-base pieces: the article list of the help-center page, and the suggestions shown
//! while a ticket title is typed (deflection: an answer found now is a ticket never filed).

mod article_list;
mod suggestions;

pub use article_list::KbArticleList;
pub use suggestions::{KbSuggestionList, KbSuggestions};
