package cn.yijianshi.online;

/**
 * 实名认证 for 码上办: who the citizen online is. A benefit application needs a verified real name, not only a phone.
 * Chosen by {@code yijianshi.online.real-name.provider}: in production 电子社保卡 (the national 社保卡 app's sign-in) or
 * face verification (人脸识别) plug in here; {@code demo} ({@link DemoPhoneCodeProvider}) is for the demo hall only.
 * With no provider configured the online API answers 503 and nobody signs in.
 */
public interface RealNameProvider {

    /** The provider's kind as stored with the identity (DEMO, ESSCARD, FACE ...). */
    String kind();

    /** What the citizen page says about it, in Chinese (e.g. 演示：手机短信验证码，未核验身份). */
    String description();

    /** True for a provider that does not truly verify the person (the page and the API say so). */
    boolean demoOnly();

    /** Sends the citizen a challenge (for the demo: an SMS one-time code to {@code phone}). */
    void challenge(String phone, String clientAddress);

    /**
     * Checks the citizen's answer and returns who they are; refuses (4xx naming the field) a wrong or expired answer,
     * a locked challenge, and a person the provider cannot vouch for.
     */
    OnlineCitizen verify(SignIn signIn, String clientAddress);

    /** What the citizen typed to sign in. */
    record SignIn(String phone, String code, String idNumber, String name) {
    }
}
