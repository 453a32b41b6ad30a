import java.sql.*;
import picocli.CommandLine;
import picocli.CommandLine.Model.*;

/**
 * A lower bound for P1, not tokenctl: what an `auth list --json`-shaped run costs with picocli's programmatic API
 * (no annotations), plain JDBC (no JDBI) and jackson-core, on the installed runtime with its own class-data
 * archive. No authentication and no warm-up thread. See bench/README.md ("What would close the gap").
 */
public class LowerBound {
  public static void main(String[] a) throws Exception {
    CommandSpec root = CommandSpec.create().name("tokenctl");
    root.addOption(OptionSpec.builder("--store").paramLabel("PATH").type(String.class).build());
    CommandSpec auth = CommandSpec.create().name("auth");
    CommandSpec list = CommandSpec.create().name("list");
    list.addOption(OptionSpec.builder("--json").type(boolean.class).build());
    list.addOption(OptionSpec.builder("--limit").type(int.class).build());
    list.addOption(OptionSpec.builder("--status").type(String.class).build());
    list.mixinStandardHelpOptions(true);
    CommandLine cl = new CommandLine(root);
    cl.addSubcommand(new CommandLine(auth).addSubcommand(new CommandLine(list)));
    CommandLine.ParseResult pr = cl.parseArgs(a);
    String store = pr.matchedOptionValue("--store", "");
    byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(System.getenv().getOrDefault("TOKENCTL_TOKEN", "x").getBytes());
    org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
    cfg.setBusyTimeout(15000);
    try (Connection c = cfg.createConnection("jdbc:sqlite:" + store);
         PreparedStatement ps = c.prepareStatement("SELECT t.id, t.description, t.status, t.permissions, t.created_at FROM tokens t WHERE t.org_id = (SELECT id FROM orgs LIMIT 1) ORDER BY t.id LIMIT 100");
         ResultSet rs = ps.executeQuery();
         var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(System.out)) {
      g.writeStartArray();
      while (rs.next()) {
        g.writeStartObject();
        g.writeStringField("id", rs.getString(1));
        g.writeStringField("description", rs.getString(2));
        g.writeStringField("status", rs.getString(3));
        g.writeStringField("permissions", rs.getString(4));
        g.writeStringField("createdAt", java.time.Instant.ofEpochMilli(rs.getLong(5)).toString());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    System.out.println();
  }
}
