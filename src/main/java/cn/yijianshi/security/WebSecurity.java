package cn.yijianshi.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Camunda's web apps (/camunda/**) keep their own login against the same users;
 * our API and the engine REST API need a logged-in user (HTTP Basic or the page session) and answer
 * 401, never a login redirect; our pages use a Chinese login form.
 */
@Configuration
@EnableMethodSecurity
public class WebSecurity {

    private static final RequestMatcher API = new OrRequestMatcher(
            new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/engine-rest/**"),
            new AntPathRequestMatcher("/actuator/**"));

    @Bean
    SecurityFilterChain hallSecurity(HttpSecurity http, CamundaUserAuthentication users, IdentityService identityService,
                                     org.camunda.bpm.engine.ProcessEngine engine)
            throws Exception {
        http
                .authenticationProvider(users)
                .authorizeHttpRequests(auth -> auth
                        // The 评价器 facing the citizen is paired with a clerk's station: it runs in the clerk's login.
                        .requestMatchers("/rate/window", "/rate-window.html", "/api/window/rating-request",
                                "/api/window/rating-requests", "/api/window/ratings")
                        .hasAnyAuthority(HallGroup.WINDOW.authority(), HallGroup.ADMIN.authority())
                        .requestMatchers("/camunda/**", "/login", "/login.html", "/css/**", "/js/**", "/favicon.ico",
                                "/error", "/403.html", "/api/public/**", "/progress", "/progress.html",
                                "/rate/*", "/rate.html", "/online", "/online.html", "/api/online/**",
                                "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/api/admin/**").hasAuthority(HallGroup.ADMIN.authority())
                        .requestMatchers("/window", "/window.html").hasAnyAuthority(HallGroup.WINDOW.authority(),
                                HallGroup.ADMIN.authority())
                        // 仲裁转介台账: the liaison acts, coordinators read
                        .requestMatchers("/referrals", "/referrals.html").hasAnyAuthority(HallGroup.ARBITRATION_LIAISON.authority(),
                                HallGroup.COORDINATORS.authority(), HallGroup.ADMIN.authority())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login").permitAll()
                        .failureUrl("/login.html?error"))
                .logout(Customizer.withDefaults())
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API)
                        .accessDeniedHandler(deniedPage()))
                // Camunda's web apps bring their own CSRF protection; the JSON API is called with Basic auth
                // or from our pages with a SameSite=Lax session cookie.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/api/**", "/engine-rest/**", "/login"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .addFilterAfter(new EngineRestIdentity(identityService), BasicAuthenticationFilter.class)
                .addFilterBefore(new OneLogin(engine, users),
                        org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** A page the user's groups may not open: 403 with a page in Chinese; the API keeps its plain 403. */
    private static org.springframework.security.web.access.AccessDeniedHandler deniedPage() {
        org.springframework.security.web.access.AccessDeniedHandlerImpl page =
                new org.springframework.security.web.access.AccessDeniedHandlerImpl();
        page.setErrorPage("/403.html");
        org.springframework.security.web.access.AccessDeniedHandlerImpl api =
                new org.springframework.security.web.access.AccessDeniedHandlerImpl();
        return (request, response, denied) -> (API.matches(request) ? api : page).handle(request, response, denied);
    }
}
