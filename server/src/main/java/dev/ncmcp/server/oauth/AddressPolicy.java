package dev.ncmcp.server.oauth;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses the sidecar may connect to when it fetches a Client ID Metadata Document (SSRF protection):
 * public unicast only. Refused: unspecified, loopback, link-local, private (RFC 1918), unique local (fc00::/7),
 * site-local, shared (100.64/10), multicast, broadcast and other reserved ranges, also embedded in IPv6
 * (IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4).
 */
final class AddressPolicy {

    private AddressPolicy() {
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false;                          // fc00::/7 unique local
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false;                          // 2001:db8::/32 documentation
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]});   // 2002::/16 6to4
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 12; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix) {
                return false;                          // ::/96 IPv4-compatible (and ::, ::1)
            }
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b;
            for (int i = 4; nat64 && i < 12; i++) {
                nat64 = b[i] == 0;
            }
            if (nat64) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            return (first & 0xe0) == 0x20;             // 2000::/3 global unicast only
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                  // 0/8 "this network"
                || a0 == 10                               // 10/8
                || a0 == 127                              // loopback
                || a0 == 100 && (a1 & 0xc0) == 64         // 100.64/10 shared address space
                || a0 == 169 && a1 == 254                 // link-local
                || a0 == 172 && (a1 & 0xf0) == 16         // 172.16/12
                || a0 == 192 && a1 == 168                 // 192.168/16
                || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)   // 192.0.0/24 protocol, 192.0.2/24 doc
                || a0 == 198 && (a1 & 0xfe) == 18         // 198.18/15 benchmarking
                || a0 == 198 && a1 == 51 && a2 == 100     // documentation
                || a0 == 203 && a1 == 0 && a2 == 113      // documentation
                || a0 >= 224);                            // multicast, reserved, broadcast
    }
}
