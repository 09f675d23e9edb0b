package dev.ncmcp.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-empty segments of a URL or file path ({@code "/a//b/"} gives {@code [a, b]}).
 */
public final class PathSegments {
    private PathSegments() {
    }

    public static List<String> of(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
