package cn.changhe.portfolio.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed, as Stripe signs its webhooks: the header
 * {@code Zone-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code <t>.<body>}, keyed with
 * the webhook's secret (its UTF-8 bytes). A receiver computes the same over the body it got, compares
 * in constant time, and refuses a {@code t} too far from its clock (a replayed request).
 */
public final class Signature {

	public static final String HEADER = "Zone-Signature";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Signature() {
	}

	/** A new secret, shown to the administrator once. */
	static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The header's value for a body sent at {@code t} (Unix seconds). */
	public static String header(String secret, long t, String body) {
		return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
	}

	/** Whether the header is the signature of the body with the secret, made within {@code tolerance} seconds of {@code now}. */
	public static boolean verify(String secret, String header, String body, long now, long tolerance) {
		if (header == null) {
			return false;
		}
		Long t = null;
		String v1 = null;
		for (String part : header.split(",")) {
			if (part.startsWith("t=")) {
				try {
					t = Long.parseLong(part.substring(2));
				}
				catch (NumberFormatException ex) {
					return false;
				}
			}
			else if (part.startsWith("v1=")) {
				v1 = part.substring(3);
			}
		}
		if (t == null || v1 == null || Math.abs(now - t) > tolerance) {
			return false;
		}
		return MessageDigest.isEqual(hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
				v1.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hmac(String secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

}
