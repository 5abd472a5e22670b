//! The texts of each mail, in zh-CN and English: a subject naming the desk, plain text, and a
//! simple HTML alternative in which every value a person typed (names, the desk's name) is
//! escaped.

use super::{Kind, Outgoing};

/// The language a mail is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

impl Lang {
    /// From an `Accept-Language` header: the first language listed decides (`zh…` is zh-CN,
    /// anything else English); browsers list the preferred one first.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let first = header.unwrap_or_default().split(',').next().unwrap_or_default();
        Lang::from_code(first.split(';').next().unwrap_or_default())
    }

    /// From a language code such as `zh-CN` or `en` (unknown codes: English).
    pub fn from_code(code: &str) -> Lang {
        if code.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    /// Its code, as desks and the SPA name it (`baton_core::settings::DESK_LANGUAGES`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }
}

/// A mail's subject and bodies.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// What a template says: the subject, the paragraphs before the link, the link's caption and the
/// paragraph after it.
struct Words {
    subject: String,
    before: Vec<String>,
    button: &'static str,
    after: &'static str,
}

fn words(m: &Outgoing<'_>) -> Words {
    let (desk, name) = (m.desk, m.name);
    let by = m.by.unwrap_or(desk);
    match (m.kind, m.lang) {
        (Kind::Setup, Lang::En) => Words {
            subject: format!("{desk}: set your password"),
            before: vec![format!("Hello {name},"), format!("The help desk \"{desk}\" is ready and you are its owner. Set your password at this link (it works once, for 7 days):")],
            button: "Set my password",
            after: "If you did not expect this mail, ignore it.",
        },
        (Kind::Setup, Lang::ZhCn) => Words {
            subject: format!("{desk}:请设置密码"),
            before: vec![format!("{name},您好:"), format!("服务台「{desk}」已开通,您是它的所有者。请通过以下链接设置密码(仅能使用一次,7 天内有效):")],
            button: "设置密码",
            after: "如果您没有预期收到这封邮件,请忽略。",
        },
        (Kind::Invitation, Lang::En) => Words {
            subject: format!("{desk}: you are invited"),
            before: vec![format!("Hello {name},"), format!("{by} invited you to work on the help desk \"{desk}\". Set your password at this link to join (it works once, for 7 days):")],
            button: "Accept the invitation",
            after: "If you did not expect this mail, ignore it.",
        },
        (Kind::Invitation, Lang::ZhCn) => Words {
            subject: format!("{desk}:邀请您加入"),
            before: vec![format!("{name},您好:"), format!("{by} 邀请您加入服务台「{desk}」。请通过以下链接设置密码后加入(仅能使用一次,7 天内有效):")],
            button: "接受邀请",
            after: "如果您没有预期收到这封邮件,请忽略。",
        },
        (Kind::PasswordReset, Lang::En) => Words {
            subject: format!("{desk}: reset your password"),
            before: vec![format!("Hello {name},"), format!("Someone asked to reset the password of your account at \"{desk}\". Set a new password at this link (it works once, for 1 hour):")],
            button: "Set a new password",
            after: "If it was not you, ignore this mail: your password stays as it is.",
        },
        (Kind::PasswordReset, Lang::ZhCn) => Words {
            subject: format!("{desk}:重置密码"),
            before: vec![format!("{name},您好:"), format!("有人请求重置您在「{desk}」的账号密码。请通过以下链接设置新密码(仅能使用一次,1 小时内有效):")],
            button: "设置新密码",
            after: "如果不是您本人操作,请忽略这封邮件,您的密码不会改变。",
        },
        (Kind::SignUp, Lang::En) => Words {
            subject: format!("{desk}: confirm your email"),
            before: vec![format!("Hello {name},"), format!("Thank you for signing up at \"{desk}\". Confirm your email and set your password at this link (it works once, for 24 hours):")],
            button: "Confirm and set my password",
            after: "If you did not sign up, ignore this mail: no account is opened without it.",
        },
        (Kind::SignUp, Lang::ZhCn) => Words {
            subject: format!("{desk}:请确认邮箱"),
            before: vec![format!("{name},您好:"), format!("感谢您注册「{desk}」。请通过以下链接确认邮箱并设置密码(仅能使用一次,24 小时内有效):")],
            button: "确认并设置密码",
            after: "如果不是您本人注册,请忽略这封邮件:未经确认不会开通账号。",
        },
        (Kind::AccountExists, Lang::En) => Words {
            subject: format!("{desk}: you already have an account"),
            before: vec![format!("Hello {name},"), format!("Someone tried to sign up at \"{desk}\" with this email, which already has an account. Sign in as usual, or if you forgot your password set a new one at this link (it works once, for 1 hour):")],
            button: "Set a new password",
            after: "If it was not you, ignore this mail: your account stays as it is.",
        },
        (Kind::AccountExists, Lang::ZhCn) => Words {
            subject: format!("{desk}:您已有账号"),
            before: vec![format!("{name},您好:"), format!("有人用此邮箱在「{desk}」注册,而该邮箱已有账号。请照常登录;如果忘记密码,可通过以下链接设置新密码(仅能使用一次,1 小时内有效):")],
            button: "设置新密码",
            after: "如果不是您本人操作,请忽略这封邮件,您的账号不会改变。",
        },
    }
}

/// `text` safe inside HTML text and double-quoted attributes.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// The subject and bodies of `m`.
pub fn render(m: &Outgoing<'_>) -> Rendered {
    let w = words(m);
    let mut text = w.before.join("\n\n");
    text.push_str(&format!("\n\n{}\n\n{}\n", m.link, w.after));
    let paragraphs: String = w.before.iter().map(|p| format!("<p>{}</p>\n", esc(p))).collect();
    let html = format!(
        "<!DOCTYPE html>\n<html><body>\n{paragraphs}<p><a href=\"{link}\">{button}</a></p>\n<p>{link_text}</p>\n<p>{after}</p>\n</body></html>\n",
        link = esc(m.link),
        button = esc(w.button),
        link_text = esc(m.link),
        after = esc(w.after),
    );
    Rendered { subject: w.subject, text, html }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(kind: Kind, lang: Lang, desk: &'static str) -> Outgoing<'static> {
        Outgoing { kind, lang, tenant_id: 1, user_id: 2, to: "a@x.test", name: "Ann <b>", desk, by: Some("Bo & Co"), link: "http://x.test/set-password?token=ab" }
    }

    #[test]
    fn accept_language_picks_the_first_listed() {
        // (header, language)
        let cases = [
            (Some("zh-CN,zh;q=0.9,en;q=0.8"), Lang::ZhCn),
            (Some("zh-TW"), Lang::ZhCn),
            (Some("en-US,zh-CN;q=0.5"), Lang::En),
            (Some("fr"), Lang::En),
            (Some(""), Lang::En),
            (None, Lang::En),
        ];
        for (header, lang) in cases {
            assert_eq!(Lang::from_accept_language(header), lang, "{header:?}");
        }
    }

    #[test]
    fn every_mail_names_the_desk_carries_the_link_and_escapes_what_people_typed() {
        for kind in [Kind::Setup, Kind::Invitation, Kind::PasswordReset, Kind::SignUp, Kind::AccountExists] {
            for lang in [Lang::En, Lang::ZhCn] {
                let r = render(&mail(kind, lang, "Acme <script>"));
                assert!(r.subject.contains("Acme <script>"), "{kind:?} {lang:?}: {}", r.subject);
                assert!(r.text.contains("http://x.test/set-password?token=ab"), "{kind:?} {lang:?}");
                assert!(r.text.contains("Ann <b>"), "the text is plain: {kind:?} {lang:?}");
                assert!(!r.html.contains("<script>") && !r.html.contains("<b>"), "{kind:?} {lang:?}: {}", r.html);
                assert!(r.html.contains("Ann &lt;b&gt;"), "{kind:?} {lang:?}: {}", r.html);
                if kind == Kind::Invitation {
                    assert!(r.html.contains("Bo &amp; Co"), "{lang:?}: {}", r.html);
                }
                assert!(r.html.contains("href=\"http"), "{kind:?} {lang:?}");
            }
        }
    }
}
