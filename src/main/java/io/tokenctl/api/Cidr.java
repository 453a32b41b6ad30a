package io.tokenctl.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An allowed client network, IPv4 or IPv6 ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address). Only
 * literal addresses are accepted, so parsing never does a DNS lookup; the JDK parses the address itself.
 */
public record Cidr(byte[] network, int prefix, String text) {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public static Cidr parse(String flag, String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(addr);
        if (bytes == null) {
            throw bad(flag, text);
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > max) {
                throw bad(flag, text);
            }
            prefix = Integer.parseInt(p);
        }
        return new Cidr(mask(bytes, prefix), prefix, text);
    }

    private static TokenctlException bad(String flag, String text) {
        return TokenctlException.usage(flag + ": \"" + text + "\" is not an IP address or CIDR; use e.g. 203.0.113.7,"
                + " 10.0.0.0/8 or 2001:db8::/32");
    }

    /** The address's bytes (4 or 16), or null when {@code text} is not a literal IPv4 or IPv6 address. */
    public static byte[] literal(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        // an IPv6 literal starts with a hex digit or ':'; anything else could send the JDK to the resolver
        if (!v4 && !(text.contains(":") && IPV6.matcher(text).matches() && (text.charAt(0) == ':'
                || Character.digit(text.charAt(0), 16) >= 0))) {
            return null;
        }
        try {
            // an IPv4-mapped IPv6 address (::ffff:10.0.0.1) comes back as IPv4, and matches IPv4 networks
            byte[] b = InetAddress.getByName(text).getAddress();
            return !v4 || b.length == 4 ? b : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public static byte[] address(String flag, String text) {
        byte[] b = literal(text);
        if (b == null) {
            throw TokenctlException.usage(flag + ": \"" + text + "\" is not an IP address; use e.g. 203.0.113.7 or 2001:db8::1");
        }
        return b;
    }

    private static byte[] mask(byte[] addr, int prefix) {
        byte[] out = addr.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - bits));
        }
        return out;
    }

    /** True when the address is in this network (an IPv4 address never matches an IPv6 network, and back). */
    public boolean contains(byte[] addr) {
        return addr.length == network.length && java.util.Arrays.equals(mask(addr, prefix), network);
    }
}
