package cn.yijianshi.citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import cn.yijianshi.intake.CaseLookup;
import cn.yijianshi.intake.CaseRating;
import cn.yijianshi.intake.HallCase;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 好差评 from the person served (国办发〔2019〕51号): a one-time link {@code /rate/{token}}, good for 30 days, that a
 * notice carries ({{rateLink}} in a matter's template) or the window shows the citizen. Staff cannot enter a score.
 */
@Service
public class RatingLinks {

    static final Duration VALID_FOR = Duration.ofDays(30);
    public static final String CITIZEN = "citizen";

    private final CitizenMapper links;
    private final CaseLookup lookup;
    private final CaseRating rating;
    private final HallClock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    public RatingLinks(CitizenMapper links, CaseLookup lookup, CaseRating rating, HallClock clock,
                       @Value("${yijianshi.public-url:http://localhost:8080}") String publicUrl) {
        this.links = links;
        this.lookup = lookup;
        this.rating = rating;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A new one-time link to rate the case: the whole address, as a text message carries it. */
    public String issue(String caseId) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.now();
        links.issue(hash(token), caseId, now, now.plus(VALID_FOR));
        return publicUrl + "/rate/" + token;
    }

    /** The case a usable link rates: 404 unknown, 409 used or expired. */
    public HallCase caseOf(String token) {
        CitizenMapper.RatingLink link = usable(token);
        return lookup.require(link.caseId());
    }

    @Transactional
    public void rate(String token, int score, String comment) {
        CitizenMapper.RatingLink link = usable(token);
        if (links.use(link.tokenHash(), clock.now()) != 1) {
            throw used();
        }
        rating.rate(link.caseId(), score, comment, CITIZEN);
    }

    private CitizenMapper.RatingLink usable(String token) {
        CitizenMapper.RatingLink link = token == null || token.length() > 64 ? null : links.find(hash(token));
        if (link == null) {
            throw RefusedRequest.notFound("token", "评价链接无效，请核对短信中的链接", "no such rating link");
        }
        if (link.usedAt() != null) {
            throw used();
        }
        if (!clock.now().isBefore(link.expiresAt())) {
            throw RefusedRequest.conflict("token", "评价链接已过期（30天内有效）", "the rating link has expired (30 days)");
        }
        return link;
    }

    private static RefusedRequest used() {
        return RefusedRequest.conflict("token", "该评价链接已使用，每个链接只能评价一次", "the rating link has been used");
    }

    /** SHA-256 in hex: what the citizen pages keep instead of a link token or one-time code. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
