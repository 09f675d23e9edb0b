package dev.ncmcp.simulator;

/**
 * Escapes text for XML bodies the way Nextcloud's responses show it ({@code &#13;} for CR).
 */
public final class XmlEscape {
    private XmlEscape() {
    }

    public static String text(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
