package cn.yijianshi.online;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import cn.yijianshi.citizen.RatingLinks;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY 实名认证: phone + SMS one-time code. A code has 6 digits, lives {@code code-valid-for} (5 minutes) and
 * allows {@code max-tries} (5) wrong answers, then it is locked and a new one must be asked for. Codes are asked for
 * at most once a minute and {@code per-phone-per-hour} times an hour per phone, {@code per-address-per-hour} per
 * client address (429 beyond). Only a salted SHA-256 of a code is stored; the code itself goes to the demo's
 * {@link DemoSmsInbox}, never to the database, the outbox or a log line. The citizen's ID number and name are
 * taken as typed and bound to the phone (the first binding stays): nobody checked them, which is why this provider
 * is for the demo hall only. The counters are rows in the shared database, so two nodes count alike.
 */
@Component
@ConditionalOnProperty(name = "yijianshi.online.real-name.provider", havingValue = "demo")
public class DemoPhoneCodeProvider implements RealNameProvider {

    private final OnlineCodeMapper codes;
    private final DemoSmsInbox inbox;
    private final HallClock clock;
    private final Duration validFor;
    private final int maxTries;
    private final int perPhonePerHour;
    private final int perAddressPerHour;
    private final SecureRandom random = new SecureRandom();

    public DemoPhoneCodeProvider(OnlineCodeMapper codes, DemoSmsInbox inbox, HallClock clock,
                                 @Value("${yijianshi.online.code.valid-for:PT5M}") Duration validFor,
                                 @Value("${yijianshi.online.code.max-tries:5}") int maxTries,
                                 @Value("${yijianshi.online.code.per-phone-per-hour:5}") int perPhonePerHour,
                                 @Value("${yijianshi.online.code.per-address-per-hour:20}") int perAddressPerHour) {
        this.codes = codes;
        this.inbox = inbox;
        this.clock = clock;
        this.validFor = validFor;
        this.maxTries = maxTries;
        this.perPhonePerHour = perPhonePerHour;
        this.perAddressPerHour = perAddressPerHour;
    }

    @Override
    public String kind() {
        return "DEMO";
    }

    @Override
    public String description() {
        return "演示用实名认证：手机短信验证码，证件号码和姓名未经核验（生产环境须改用电子社保卡或人脸识别）";
    }

    @Override
    public boolean demoOnly() {
        return true;
    }

    @Override
    public void challenge(String phone, String clientAddress) {
        Instant now = clock.now();
        if (codes.issuedToPhoneSince(phone, now.minus(Duration.ofMinutes(1))) > 0) {
            throw RefusedRequest.tooManyRequests("phone", "验证码已发送，请 1 分钟后再获取", "a code was sent: wait a minute");
        }
        if (codes.issuedToPhoneSince(phone, now.minus(Duration.ofHours(1))) >= perPhonePerHour) {
            throw RefusedRequest.tooManyRequests("phone", "该手机号获取验证码过于频繁，请 1 小时后再试",
                    "too many codes for this phone: try again in an hour");
        }
        if (codes.issuedToAddressSince(clientAddress, now.minus(Duration.ofHours(1))) >= perAddressPerHour) {
            throw RefusedRequest.tooManyRequests("request", "获取验证码过于频繁，请 1 小时后再试",
                    "too many codes from this address: try again in an hour");
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        String salt = HexFormat.of().formatHex(random.generateSeed(8));
        codes.issue(phone, clientAddress, salt, RatingLinks.hash(salt + code), now, now.plus(validFor));
        inbox.deliver(phone, code);
    }

    @Override
    public OnlineCitizen verify(SignIn signIn, String clientAddress) {
        Instant now = clock.now();
        OnlineCodeMapper.IssuedCode issued = codes.latest(signIn.phone());
        if (issued == null || issued.usedAt() != null) {
            throw RefusedRequest.badInput("code", "请先获取验证码", "ask for a code first");
        }
        if (issued.lockedAt() != null) {
            throw locked();
        }
        if (!now.isBefore(issued.expiresAt())) {
            throw RefusedRequest.badInput("code", "验证码已过期，请重新获取", "the code has expired: ask for a new one");
        }
        String typed = signIn.code() == null ? "" : signIn.code().trim();
        if (!RatingLinks.hash(issued.codeSalt() + typed).equals(issued.codeHash())) {
            codes.wrongTry(issued.id(), maxTries, now);
            int left = maxTries - issued.wrongTries() - 1;
            if (left <= 0) {
                throw locked();
            }
            throw RefusedRequest.badInput("code", "验证码不正确，还可尝试 " + left + " 次", "wrong code: " + left + " tries left");
        }
        ResidentIdNumber id = residentId(signIn.idNumber());
        String name = signIn.name() == null ? "" : signIn.name().trim();
        if (name.isEmpty() || name.length() > 50) {
            throw RefusedRequest.badInput("name", "请填写与身份证一致的姓名（最多50字）", "the name as on the ID card (up to 50 characters)");
        }
        String bound = codes.boundIdNumber(signIn.phone());
        if (bound != null && !bound.equals(id.value())) {
            throw RefusedRequest.conflict("idNumber", "该手机号已绑定其他证件，请使用本人手机号", "this phone is bound to another person");
        }
        if (codes.use(issued.id(), now) != 1) {
            throw RefusedRequest.badInput("code", "验证码已失效，请重新获取", "the code is no longer valid: ask for a new one");
        }
        if (bound == null) {
            codes.bind(signIn.phone(), id.value(), name, kind(), now);
        } else {
            codes.confirm(signIn.phone(), name, now);
        }
        return new OnlineCitizen(id.value(), name, signIn.phone(), kind(), true);
    }

    private ResidentIdNumber residentId(String text) {
        try {
            return ResidentIdNumber.read(text == null ? "" : text.trim(), clock.today());
        } catch (ResidentIdNumber.Invalid e) {
            throw RefusedRequest.badInput("idNumber", e.messageZh(), e.messageEn());
        }
    }

    private static RefusedRequest locked() {
        return RefusedRequest.forbidden("code", "验证码错误次数过多，已锁定，请重新获取验证码",
                "too many wrong codes: this code is locked, ask for a new one");
    }
}
