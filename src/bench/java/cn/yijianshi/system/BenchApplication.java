package cn.yijianshi.system;

import java.util.Arrays;
import java.util.stream.Stream;

import cn.yijianshi.YijianshiApplication;
import org.springframework.boot.SpringApplication;

/**
 * The main class of the bench's jar ({@code mvn -B -DskipTests -Pbench package}): the bench when given
 * {@code --bench.*} arguments, the bench's HTTP client with {@code --bench.remote=...}, the hall otherwise (so
 * the two-node script starts its nodes from the same jar). The hall's own jar has no bench in it.
 */
public final class BenchApplication {

    private BenchApplication() {
    }

    public static void main(String[] args) {
        if (RemoteBench.isRequested(args)) {
            // The bench's client drives running nodes over HTTP: no Spring, no engine of its own.
            System.exit(RemoteBench.run(args));
        }
        SpringApplication app = new SpringApplication(YijianshiApplication.class);
        if (Bench.isRequested(args)) {
            String problem = Bench.scratchDatabaseProblem(args, System.getenv());
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
            app.setAdditionalProfiles("bench");
            args = NetworkRelay.around(args); // --bench.network-delay-us: the database across a network
            // The bench works tasks as the demo hall's people, also on a (scratch) MySQL database.
            args = Stream.concat(Arrays.stream(args), Stream.of("--yijianshi.demo-users=true")).toArray(String[]::new);
        }
        app.run(args);
    }
}
