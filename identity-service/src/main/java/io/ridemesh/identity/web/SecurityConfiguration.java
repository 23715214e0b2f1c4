package io.ridemesh.identity.web;

import io.ridemesh.identity.account.domain.Accounts;
import io.ridemesh.identity.signin.AccountUserDetails;
import io.ridemesh.identity.signin.SignInThrottle;
import io.ridemesh.identity.signin.ThrottledSignIn;
import io.ridemesh.kit.security.Role;
import io.ridemesh.kit.security.servlet.ServletResourceServer;
import io.ridemesh.kit.security.servlet.ServletServiceSecurity;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what on identity-service's port. Four chains, first match wins:
 *
 * <ol start="0">
 *   <li>the authorization server's endpoints ({@code AuthorizationServerConfiguration}, {@code @Order(0)});
 *   <li>health, info and the API description, open (the kit's, {@code @Order(1)});
 *   <li>the sign-in page {@code /login} and {@code /logout} ({@code @Order(2)}): Spring Security's form login with a
 *       session and CSRF protection, over the accounts, throttled ({@link ThrottledSignIn}); a successful sign-in
 *       returns the browser to the authorization request that sent it there;
 *   <li>the account API ({@code @Order(3)}), stateless, platform tokens:
 * </ol>
 *
 * <pre>
 * POST   /v1/accounts        anyone (a rider's sign-up); an operator's token for driver and operator accounts
 * POST   /v1/accounts/imports operator
 * GET    /v1/accounts/me     rider, driver, operator
 * DELETE /v1/accounts/me     rider, driver, operator
 * other /actuator endpoints  operator
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@Import(ServletServiceSecurity.class)
public class SecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain signInChain(
            HttpSecurity http, Accounts accounts, PasswordEncoder encoder, SignInThrottle throttle) throws Exception {
        // not beans: a UserDetailsService or AuthenticationProvider bean would also become the global authentication
        // manager, which would check the password a second time, unthrottled
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new AccountUserDetails(accounts));
        passwords.setPasswordEncoder(encoder);
        http.securityMatcher("/login", "/logout", "/default-ui.css")
                .authenticationProvider(new ThrottledSignIn(passwords, throttle))
                .authorizeHttpRequests(routes -> routes.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain accountApi(
            HttpSecurity http, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        String rider = Role.RIDER.claim();
        String driver = Role.DRIVER.claim();
        String operator = Role.OPERATOR.claim();
        return ServletResourceServer.routeChain(
                http, resolver, routes -> routes.requestMatchers(HttpMethod.POST, "/v1/accounts")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/v1/accounts/imports")
                        .hasRole(operator)
                        .requestMatchers("/v1/accounts/me")
                        .hasAnyRole(rider, driver, operator)
                        .requestMatchers("/actuator/**")
                        .hasRole(operator)
                        .anyRequest()
                        .authenticated());
    }
}
