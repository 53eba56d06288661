package cn.changhe.portfolio.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may send: an absolute http or https URL without credentials, whose host resolves
 * only to public addresses, unless private targets are allowed. Checked when a webhook is created and
 * again before every attempt (a name may come to resolve elsewhere); redirects are never followed.
 */
final class Targets {

	private Targets() {
	}

	/** What is wrong with the URL as a target, if anything. */
	static Optional<String> problem(String url, boolean allowPrivate) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("`input.url` is not a URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			return Optional.of("`input.url` must be an http or https URL.");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			return Optional.of("`input.url` must name a host, without credentials or a fragment.");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			return Optional.of("`input.url`'s host does not resolve.");
		}
		if (!allowPrivate) {
			for (InetAddress address : addresses) {
				if (!isPublic(address)) {
					return Optional.of("`input.url` resolves to a loopback, link-local or private address ("
							+ address.getHostAddress() + "), which webhooks may not reach here.");
				}
			}
		}
		return Optional.empty();
	}

	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0/8 "this network", 100.64/10 shared (carrier-grade NAT), 192.0.0/24, 198.18/15 benchmarking, 240/4 reserved
			return !(first == 0 || (first == 100 && second >= 64 && second < 128)
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19))
					|| first >= 240);
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local addresses; an IPv4-mapped address is judged as the IPv4 one
			if ((bytes[0] & 0xfe) == 0xfc) {
				return false;
			}
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= bytes[i] == 0;
			}
			if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
				try {
					return isPublic(InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] }));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
		}
		return true;
	}

}
