package dev.ncmcp.plugin.sharing;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** What a share lets its recipient do: Nextcloud's permission bits, by name. */
enum Permission {
    READ(1), UPDATE(2), CREATE(4), DELETE(8), SHARE(16);

    private final int bit;

    Permission(int bit) {
        this.bit = bit;
    }

    static int bits(Collection<Permission> permissions) {
        return permissions.stream().mapToInt(permission -> permission.bit).reduce(0, (a, b) -> a | b);
    }

    static List<Permission> of(int bits) {
        return Arrays.stream(values()).filter(permission -> (bits & permission.bit) != 0).toList();
    }
}
