// flamediff example workload (Java): parse and score synthetic records.
//
// Build and run: `javac -d build examples/java/Workload.java && java -cp build Workload`.
// FLAMEDIFF_EXAMPLE_REGRESSION=1 makes scoreRecord hash every record needlessly;
// FLAMEDIFF_EXAMPLE_SCALE scales the work (default 1).
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

public final class Workload {
  record Rec(int a, int b, int c, String name) {}

  static String[] makeRecords(int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = i + "," + (i * 7919L) % 1000 + "," + (i * 104729L) % 997 + ",name-" + i % 37;
    }
    return out;
  }

  static Rec parseRecord(String line) {
    String[] f = line.split(",");
    return new Rec(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]);
  }

  /** The hot method, and the one the injected regression slows down. */
  static int scoreRecord(Rec r, boolean regression, MessageDigest sha) {
    int s = 0;
    for (int k = 0; k < 600; k++) s += (r.b() * k + r.c() + s) % 13;
    if (regression) {
      byte[] h = sha.digest(r.name().repeat(64).getBytes(StandardCharsets.UTF_8));
      s += (h[0] & 0xff) % 7;
    }
    return s;
  }

  public static void main(String[] args) throws Exception {
    String sc = System.getenv("FLAMEDIFF_EXAMPLE_SCALE");
    double scale = sc == null ? 1 : Double.parseDouble(sc);
    boolean regression = "1".equals(System.getenv("FLAMEDIFF_EXAMPLE_REGRESSION"));
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    int n = (int) (200000 * scale);
    long total = 0;
    for (int round = 0; round < 3; round++) {
      for (String line : makeRecords(n)) total += scoreRecord(parseRecord(line), regression, sha);
    }
    System.out.println("checksum " + total);
  }
}
