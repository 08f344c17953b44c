//! The client's network address, behind reverse proxies or not.
//!
//! Flits does no TLS, so in production it always sits behind a proxy, and the TCP peer of every
//! request is that proxy. A proxy tells who its own client was in a header (`X-Forwarded-For`,
//! or `Forwarded` of RFC 7239), which it *appends to* whatever the client sent: everything left of
//! what the proxies you run wrote is the client's own say, and so can be anything.
//!
//! The rule (`[collector] trusted_proxies`, `forwarded_header`; deploy/README.md, "Behind a
//! reverse proxy"):
//! - when the peer is not a trusted proxy, the peer is the client and the headers are ignored;
//! - otherwise the header is walked from the right, skipping addresses of trusted proxies; the
//!   first address that is not a trusted proxy is the client;
//! - an entry that is not an address (`unknown`, an obfuscated `Forwarded` node, garbage) ends the
//!   walk: the client is then the last trusted hop seen, as is a header of trusted hops only.
//!   Wrongly lumping clients together under a proxy's address is the safe mistake; letting a
//!   client pick its own address is not.
//!
//! The address is used for rate limits and caps only (as a keyed hash on the collector, as a
//! key in memory on the staff login); it is never stored or logged. Finding it allocates nothing,
//! and with no trusted proxies the headers are not even read.

use std::fmt;
use std::net::{IpAddr, Ipv6Addr};

use actix_web::HttpRequest;
use actix_web::http::header::HeaderMap;
use ipnet::IpNet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How many addresses of a header are looked at, at most: more hops than this is no real chain,
/// and the walk stops at the last trusted one.
const MAX_HOPS: usize = 32;

/// The header a trusted proxy writes the client's address into (`[collector] forwarded_header`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy1, proxy2` (nginx, ingress-nginx, HAProxy, most load
    /// balancers).
    #[serde(rename = "x-forwarded-for")]
    XForwardedFor,
    /// `Forwarded: for=client, for=proxy1` (RFC 7239), for proxies that write only that one.
    #[serde(rename = "forwarded")]
    Forwarded,
}

impl ForwardedHeader {
    /// The header's name, in lower case.
    pub fn name(self) -> &'static str {
        match self {
            ForwardedHeader::XForwardedFor => "x-forwarded-for",
            ForwardedHeader::Forwarded => "forwarded",
        }
    }
}

/// The networks of the reverse proxies whose forwarding header is believed
/// (`[collector] trusted_proxies`): CIDRs such as `10.0.0.0/8` or `2001:db8::/48`, or single
/// addresses. Empty: no proxy is trusted, the TCP peer is always the client.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

/// A `trusted_proxies` entry that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProxyEntryError {
    /// Not a CIDR or an address.
    #[error("{0:?} is not an address or a network such as 10.0.0.0/8 or 2001:db8::/48")]
    Unreadable(String),
    /// A /0 network: every address of the internet would be a trusted proxy.
    #[error(
        "{0:?} would trust every address, so every client could choose its own; list the networks of your proxies"
    )]
    Everything(String),
}

impl TrustedProxies {
    /// Reads the entries: CIDRs or single addresses.
    pub fn parse<'a>(
        entries: impl IntoIterator<Item = &'a str>,
    ) -> Result<TrustedProxies, ProxyEntryError> {
        let mut nets = Vec::new();
        for raw in entries {
            let entry = raw.trim();
            if entry.is_empty() {
                continue;
            }
            let net = match entry.parse::<IpNet>() {
                Ok(net) => net,
                Err(_) => match entry.parse::<IpAddr>() {
                    Ok(ip) => IpNet::from(canonical(ip)),
                    Err(_) => return Err(ProxyEntryError::Unreadable(entry.to_owned())),
                },
            };
            if net.prefix_len() == 0 {
                return Err(ProxyEntryError::Everything(entry.to_owned()));
            }
            nets.push(net.trunc());
        }
        Ok(TrustedProxies(nets))
    }

    /// Whether `ip` is the address of a trusted proxy.
    pub fn contains(&self, ip: IpAddr) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let ip = canonical(ip);
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// Whether no proxy is trusted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The networks, as configured (host bits cleared).
    pub fn networks(&self) -> &[IpNet] {
        &self.0
    }
}

impl fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for net in &self.0 {
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            write!(f, "{net}")?;
        }
        Ok(())
    }
}

impl Serialize for TrustedProxies {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|n| n.to_string()))
    }
}

impl<'de> Deserialize<'de> for TrustedProxies {
    /// A list of strings, or one string with entries separated by commas (handy in an
    /// environment variable: `FLITS_COLLECTOR__TRUSTED_PROXIES=10.0.0.0/8,fd00::/8`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            List(Vec<String>),
            Text(String),
        }
        let parsed = match Raw::deserialize(d)? {
            Raw::List(list) => TrustedProxies::parse(list.iter().map(String::as_str)),
            Raw::Text(text) => TrustedProxies::parse(text.split(',')),
        };
        parsed.map_err(serde::de::Error::custom)
    }
}

/// How the client address of a request is found: the trusted proxies and the header they write.
/// One per process, shared by the collector, the staff service and `/metrics`.
#[derive(Debug, Clone)]
pub struct ClientAddresses {
    proxies: TrustedProxies,
    header: ForwardedHeader,
}

impl ClientAddresses {
    pub fn new(proxies: TrustedProxies, header: ForwardedHeader) -> ClientAddresses {
        ClientAddresses { proxies, header }
    }

    /// The trusted proxies.
    pub fn proxies(&self) -> &TrustedProxies {
        &self.proxies
    }

    /// The client of `req`; `None` only when the connection has no peer address (a test request
    /// or a Unix socket).
    pub fn client(&self, req: &HttpRequest) -> Option<IpAddr> {
        let peer = req.peer_addr()?.ip();
        Some(self.resolve(peer, req.headers()))
    }

    /// The client of a request from `peer` with `headers`, by the rule at the top of this module.
    pub fn resolve(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = canonical(peer);
        if !self.proxies.contains(peer) {
            return peer;
        }
        let mut client = peer;
        let mut hops = 0;
        // Proxies append: the last line of the header, and its last entry, came from the nearest.
        for line in headers.get_all(self.header.name()).rev() {
            let Ok(text) = line.to_str() else {
                return client;
            };
            for entry in text.rsplit(',') {
                hops += 1;
                if hops > MAX_HOPS {
                    return client;
                }
                let address = match self.header {
                    ForwardedHeader::XForwardedFor => Some(entry),
                    ForwardedHeader::Forwarded => forwarded_for(entry),
                };
                let Some(ip) = address.and_then(parse_node) else {
                    return client;
                };
                if !self.proxies.contains(ip) {
                    return ip;
                }
                client = ip;
            }
        }
        client
    }

    /// Whether the client of `req` is this machine or one of the trusted proxies: who may read
    /// `/metrics` on the main port.
    pub fn is_local_or_proxy(&self, req: &HttpRequest) -> bool {
        self.client(req)
            .is_some_and(|ip| ip.is_loopback() || self.proxies.contains(ip))
    }
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.1`, as a dual-stack listener reports it) as
/// the IPv4 address it is; anything else as it is.
pub fn canonical(ip: IpAddr) -> IpAddr {
    ip.to_canonical()
}

/// The block one client usually has to itself: an IPv4 address, or the /64 of an IPv6 address
/// (a household's or a phone's prefix, inside which addresses are picked at will). Limits keyed
/// on this cannot be dodged by hopping between the addresses of one's own prefix.
pub fn household(ip: IpAddr) -> IpAddr {
    match canonical(ip) {
        IpAddr::V6(v6) => {
            let prefix = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(prefix))
        }
        v4 => v4,
    }
}

/// The `for=` value of one `Forwarded` element (`for=192.0.2.60;proto=http;by=203.0.113.43`).
fn forwarded_for(element: &str) -> Option<&str> {
    element.split(';').find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        name.trim().eq_ignore_ascii_case("for").then_some(value)
    })
}

/// An address as proxies write one: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`,
/// `[2001:db8::1]:4711`, optionally in double quotes. `unknown` and obfuscated names are not.
fn parse_node(raw: &str) -> Option<IpAddr> {
    let node = raw.trim().trim_matches('"').trim();
    if let Some(rest) = node.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        if !(after.is_empty() || after.starts_with(':')) {
            return None;
        }
        return inside
            .parse::<Ipv6Addr>()
            .ok()
            .map(|v6| canonical(v6.into()));
    }
    if let Ok(ip) = node.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    // An IPv4 address with a port (an IPv6 address with a port always has brackets).
    let (host, port) = node.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    host.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests;
