//! Every (status, event, actor) triple against the transition table of DOMAIN.md, written out
//! independently of the implementation so a change to either one shows.

use super::*;
use Action as A;
use Actor::*;
use Status as S;

/// DOMAIN.md's table, one row per allowed (from, event, actor) → to.
const ALLOWED: &[(Status, Action, Actor, Status)] = &[
    (S::New, A::Open, Agent, S::Open),
    (S::New, A::SetPending, Agent, S::Pending),
    (S::Open, A::SetPending, Agent, S::Pending),
    (S::Pending, A::CustomerReply, Customer, S::Open),
    (S::New, A::Complete, Agent, S::Solved),
    (S::Open, A::Complete, Agent, S::Solved),
    (S::Pending, A::Complete, Agent, S::Solved),
    (S::Solved, A::Confirm, Customer, S::Confirmed),
    (S::Solved, A::Continue, Customer, S::Open),
    (S::Solved, A::Reopen, Agent, S::Open),
    (S::Confirmed, A::Rate, Customer, S::Rated),
    (S::New, A::Close, Customer, S::Closed),
    (S::Open, A::Close, Customer, S::Closed),
    (S::Pending, A::Close, Customer, S::Closed),
    (S::Solved, A::AutoClose, System, S::Closed),
];

#[test]
fn every_triple_matches_the_table() {
    let mut checked = 0;
    for from in Status::ALL {
        for action in Action::ALL {
            for actor in [Customer, Agent, System] {
                let expected = ALLOWED
                    .iter()
                    .find(|(f, a, who, _)| *f == from && *a == action && *who == actor)
                    .map(|row| row.3);
                let got = apply(from, action, actor);
                match expected {
                    Some(to) => assert_eq!(got, Ok(to), "{from} {action:?} by {actor:?}"),
                    None => assert!(got.is_err(), "{from} {action:?} by {actor:?} must be refused"),
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 7 * 10 * 3);
}

#[test]
fn refusals_carry_the_reason() {
    assert_eq!(
        apply(S::Closed, A::Close, Customer),
        Err(TransitionError::Final(S::Closed))
    );
    assert_eq!(
        apply(S::Rated, A::Rate, Customer),
        Err(TransitionError::Final(S::Rated))
    );
    assert_eq!(
        apply(S::Open, A::Complete, Customer),
        Err(TransitionError::WrongActor { action: A::Complete, actor: Customer })
    );
    assert_eq!(
        apply(S::Open, A::Confirm, Customer),
        Err(TransitionError::NotFromState { action: A::Confirm, from: S::Open })
    );
    assert_eq!(apply(S::Open, A::Confirm, Customer).unwrap_err().code(), "not_from_state");
}

#[test]
fn final_states_accept_nothing() {
    for from in [S::Rated, S::Closed] {
        for actor in [Customer, Agent, System] {
            assert!(allowed_actions(from, actor).is_empty(), "{from} {actor:?}");
            assert!(on_reply(from, actor).is_err());
        }
    }
}

#[test]
fn buttons_per_state() {
    let table: &[(Status, Actor, &[Action])] = &[
        (S::New, Customer, &[A::Close]),
        (S::Open, Customer, &[A::Close]),
        (S::Pending, Customer, &[A::Close]),
        (S::Solved, Customer, &[A::Confirm]),
        (S::Confirmed, Customer, &[A::Rate]),
        (S::New, Agent, &[A::Open, A::SetPending, A::Complete]),
        (S::Open, Agent, &[A::SetPending, A::Complete]),
        (S::Pending, Agent, &[A::Complete]),
        (S::Solved, Agent, &[A::Reopen]),
        (S::Confirmed, Agent, &[]),
    ];
    for (from, actor, expected) in table {
        assert_eq!(&allowed_actions(*from, *actor), expected, "{from} {actor:?}");
    }
}

/// What `on_reply` should answer: the action a reply triggers, or a refusal.
type Reply = Result<Option<Action>, ()>;

#[test]
fn replies() {
    let table: &[(Status, Actor, Reply)] = &[
        (S::New, Customer, Ok(None)),
        (S::Open, Customer, Ok(None)),
        (S::Pending, Customer, Ok(Some(A::CustomerReply))),
        (S::Solved, Customer, Ok(Some(A::Continue))),
        (S::Confirmed, Customer, Err(())),
        (S::New, Agent, Ok(None)),
        (S::Open, Agent, Ok(None)),
        (S::Pending, Agent, Ok(None)),
        (S::Solved, Agent, Ok(None)),
        (S::Confirmed, Agent, Err(())),
        (S::Open, System, Err(())),
    ];
    for (from, actor, expected) in table {
        assert_eq!(&on_reply(*from, *actor).map_err(|_| ()), expected, "{from} {actor:?}");
        // A reply's event, when there is one, is itself allowed by the machine.
        if let Ok(Some(action)) = on_reply(*from, *actor) {
            assert_eq!(apply(*from, action, *actor), Ok(Status::Open));
        }
    }
}

#[test]
fn codes_round_trip_and_match_serde() {
    for s in Status::ALL {
        assert_eq!(Status::from_code(s.code()), Some(s));
        assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.code()));
    }
    for a in Action::ALL {
        assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{}\"", a.code()));
    }
    for r in ["customer", "agent", "admin", "owner"] {
        assert_eq!(Role::from_code(r).map(Role::code), Some(r));
    }
    assert_eq!(Status::from_code("deleted"), None);
}
