use actix_web::http::header::{HeaderName, HeaderValue};

use super::*;

fn headers(name: &str, lines: &[&str]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for line in lines {
        map.append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(line).unwrap(),
        );
    }
    map
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn behind(proxies: &[&str], header: ForwardedHeader) -> ClientAddresses {
    ClientAddresses::new(
        TrustedProxies::parse(proxies.iter().copied()).unwrap(),
        header,
    )
}

const XFF: ForwardedHeader = ForwardedHeader::XForwardedFor;

#[test]
fn without_trusted_proxies_the_peer_is_the_client_whatever_the_headers_say() {
    let direct = behind(&[], XFF);
    let spoofed = headers("x-forwarded-for", &["203.0.113.9"]);
    assert_eq!(
        direct.resolve(ip("198.51.100.7"), &spoofed),
        ip("198.51.100.7")
    );
    let forwarded = headers("forwarded", &["for=203.0.113.9"]);
    assert_eq!(
        direct.resolve(ip("198.51.100.7"), &forwarded),
        ip("198.51.100.7")
    );
}

#[test]
fn a_peer_that_is_not_a_trusted_proxy_is_the_client() {
    let addrs = behind(&["10.0.0.0/8"], XFF);
    let spoofed = headers("x-forwarded-for", &["203.0.113.9, 10.0.0.2"]);
    assert_eq!(
        addrs.resolve(ip("198.51.100.7"), &spoofed),
        ip("198.51.100.7")
    );
}

#[test]
fn the_walk_goes_from_the_right_and_skips_trusted_hops() {
    let addrs = behind(&["10.0.0.0/8", "192.0.2.10"], XFF);
    // The client put a made-up address first; the ingress appended the real one; an inner proxy
    // appended the ingress.
    let chain = headers("x-forwarded-for", &["1.2.3.4, 198.51.100.7, 192.0.2.10"]);
    assert_eq!(addrs.resolve(ip("10.1.2.3"), &chain), ip("198.51.100.7"));
    // The same, written as two header lines.
    let lines = headers("x-forwarded-for", &["1.2.3.4", "198.51.100.7, 192.0.2.10"]);
    assert_eq!(addrs.resolve(ip("10.1.2.3"), &lines), ip("198.51.100.7"));
    // A trusted peer without a header is the client itself.
    assert_eq!(
        addrs.resolve(ip("10.1.2.3"), &HeaderMap::new()),
        ip("10.1.2.3")
    );
}

#[test]
fn whatever_a_client_prepends_leaves_the_answer_alone() {
    let addrs = behind(&["127.0.0.1"], XFF);
    for forged in [
        "1.1.1.1",
        "10.0.0.1, 9.9.9.9",
        "unknown",
        "::1",
        "garbage,,,",
    ] {
        let h = headers("x-forwarded-for", &[&format!("{forged}, 198.51.100.7")]);
        assert_eq!(
            addrs.resolve(ip("127.0.0.1"), &h),
            ip("198.51.100.7"),
            "{forged}"
        );
    }
}

#[test]
fn what_is_no_address_ends_the_walk_at_the_last_trusted_hop() {
    let addrs = behind(&["10.0.0.0/8"], XFF);
    let h = headers("x-forwarded-for", &["198.51.100.7, unknown, 10.0.0.5"]);
    assert_eq!(addrs.resolve(ip("10.0.0.1"), &h), ip("10.0.0.5"));
    let only_trusted = headers("x-forwarded-for", &["10.0.0.9, 10.0.0.5"]);
    assert_eq!(addrs.resolve(ip("10.0.0.1"), &only_trusted), ip("10.0.0.9"));
    let empty = headers("x-forwarded-for", &[""]);
    assert_eq!(addrs.resolve(ip("10.0.0.1"), &empty), ip("10.0.0.1"));
    let endless = headers("x-forwarded-for", &[&vec!["10.0.0.7"; 100].join(",")]);
    assert_eq!(addrs.resolve(ip("10.0.0.1"), &endless), ip("10.0.0.7"));
}

#[test]
fn ipv6_chains_ports_and_mapped_addresses() {
    let addrs = behind(&["fd00::/8", "::ffff:192.0.2.10"], XFF);
    let h = headers("x-forwarded-for", &["2001:db8:1:2::99, [fd00::5]:443"]);
    assert_eq!(addrs.resolve(ip("fd00::1"), &h), ip("2001:db8:1:2::99"));
    // A dual-stack listener reports an IPv4 proxy as ::ffff:a.b.c.d.
    let h = headers("x-forwarded-for", &["198.51.100.7:51234"]);
    assert_eq!(
        addrs.resolve(ip("::ffff:192.0.2.10"), &h),
        ip("198.51.100.7")
    );
    let h = headers("x-forwarded-for", &["::ffff:198.51.100.8"]);
    assert_eq!(addrs.resolve(ip("192.0.2.10"), &h), ip("198.51.100.8"));
}

#[test]
fn forwarded_is_read_only_when_configured() {
    let h = {
        let mut h = headers(
            "forwarded",
            &["for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.1"],
        );
        h.append(
            HeaderName::from_static("x-forwarded-for"),
            HeaderValue::from_static("203.0.113.50"),
        );
        h
    };
    let rfc = behind(&["10.0.0.0/8"], ForwardedHeader::Forwarded);
    assert_eq!(rfc.resolve(ip("10.0.0.1"), &h), ip("2001:db8:cafe::17"));
    let xff = behind(&["10.0.0.0/8"], XFF);
    assert_eq!(xff.resolve(ip("10.0.0.1"), &h), ip("203.0.113.50"));
    // Obfuscated identifiers and elements without for= are no address.
    let hidden = headers(
        "forwarded",
        &["for=198.51.100.7, for=_hidden, For=10.0.0.3"],
    );
    assert_eq!(rfc.resolve(ip("10.0.0.1"), &hidden), ip("10.0.0.3"));
    let no_for = headers("forwarded", &["proto=https"]);
    assert_eq!(rfc.resolve(ip("10.0.0.1"), &no_for), ip("10.0.0.1"));
}

#[test]
fn entries_are_cidrs_or_addresses_and_never_everything() {
    let p = TrustedProxies::parse(["10.1.2.3/8", " 192.0.2.1 ", "2001:db8::/32", ""]).unwrap();
    assert_eq!(p.to_string(), "10.0.0.0/8, 192.0.2.1/32, 2001:db8::/32");
    assert!(p.contains(ip("10.200.0.1")) && p.contains(ip("::ffff:10.0.0.1")));
    assert!(!p.contains(ip("192.0.2.2")));
    assert!(matches!(
        TrustedProxies::parse(["0.0.0.0/0"]),
        Err(ProxyEntryError::Everything(_))
    ));
    assert!(matches!(
        TrustedProxies::parse(["::/0"]),
        Err(ProxyEntryError::Everything(_))
    ));
    assert!(matches!(
        TrustedProxies::parse(["proxy.example"]),
        Err(ProxyEntryError::Unreadable(_))
    ));
    #[derive(Deserialize)]
    struct S {
        p: TrustedProxies,
    }
    let list: S = serde_json::from_str(r#"{"p": ["10.0.0.0/8", "fd00::/8"]}"#).unwrap();
    let text: S = serde_json::from_str(r#"{"p": "10.0.0.0/8, fd00::/8"}"#).unwrap();
    assert_eq!(list.p, text.p);
    let bad = serde_json::from_str::<S>(r#"{"p": ["10.0.0.0/33"]}"#)
        .err()
        .unwrap();
    assert!(bad.to_string().contains("10.0.0.0/33"), "{bad}");
}

#[test]
fn a_household_is_an_ipv4_address_or_an_ipv6_slash_64() {
    assert_eq!(household(ip("198.51.100.7")), ip("198.51.100.7"));
    assert_eq!(household(ip("::ffff:198.51.100.7")), ip("198.51.100.7"));
    assert_eq!(household(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
    assert_eq!(
        household(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")),
        household(ip("2001:db8:1:2::1"))
    );
    assert_ne!(
        household(ip("2001:db8:1:3::1")),
        household(ip("2001:db8:1:2::1"))
    );
}
