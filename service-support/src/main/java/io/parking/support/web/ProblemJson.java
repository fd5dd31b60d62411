package io.parking.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes an RFC 9457 problem detail without the MVC machinery, for responses sent from servlet
 * filters such as Spring Security's.
 */
public final class ProblemJson {

  public static final String TYPE_BASE = "https://parking.example/problems/";

  private ProblemJson() {}

  public static void write(
      HttpServletResponse response,
      int status,
      String kind,
      String title,
      String detail,
      String instance)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":"
                + quote(TYPE_BASE + kind)
                + ",\"title\":"
                + quote(title)
                + ",\"status\":"
                + status
                + ",\"detail\":"
                + quote(detail)
                + ",\"instance\":"
                + quote(instance)
                + "}");
  }

  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
