package io.ridemesh.identity.platform;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.identity.IdentityProperties;
import io.ridemesh.identity.account.application.OperatorBootstrap;
import io.ridemesh.identity.account.application.SignUp;
import io.ridemesh.identity.account.domain.Accounts;
import io.ridemesh.identity.account.domain.PasswordRules;
import io.ridemesh.identity.account.persistence.JdbcAccounts;
import io.ridemesh.identity.signin.SignInThrottle;
import io.ridemesh.kit.platform.ServiceClocks;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * identity-service's wiring: the replicated-row machinery (wall clock, HLC with its high-water mark in {@code
 * hlc_high_water}, global ids), the account store, sign-up and sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityConfiguration {

    /** The wall clock; tests add a movable {@code @Primary} one. */
    @Bean
    InstantSource instantSource() {
        return InstantSource.system();
    }

    @Bean
    @DependsOnDatabaseInitialization
    HybridLogicalClock hybridLogicalClock(
            InstantSource clock, DataSource dataSource, IdentityProperties properties, Environment environment) {
        return ServiceClocks.hybridLogicalClock(
                clock,
                properties.hlc().maxOffset(),
                ServiceClocks.highWaterConnections(dataSource, environment),
                properties.hlcNodeKey());
    }

    /** Rider subjects; their (ms, sequence) high-water mark sits beside the HLC's. */
    @Bean
    @DependsOnDatabaseInitialization
    GlobalIdGenerator globalIdGenerator(
            InstantSource clock, DataSource dataSource, IdentityProperties properties, Environment environment) {
        return ServiceClocks.globalIdGenerator(
                properties.regionId(),
                properties.nodeId(),
                clock,
                ServiceClocks.highWaterConnections(dataSource, environment),
                properties.hlcNodeKey());
    }

    /**
     * Spring Security's delegating encoder: bcrypt (cost 10) for new hashes, every hash prefixed with its algorithm
     * ({@code {bcrypt}}) so that the default can move on without invalidating stored ones.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcAccounts jdbcAccounts(JdbcClient jdbc, HybridLogicalClock clock, IdentityProperties properties) {
        return new JdbcAccounts(jdbc, clock, properties.regionId());
    }

    @Bean
    SignUp signUp(
            Accounts accounts,
            PasswordEncoder encoder,
            GlobalIdGenerator ids,
            InstantSource clock,
            IdentityProperties properties) {
        return new SignUp(
                accounts,
                new PasswordRules(
                        properties.passwords().minLength(),
                        properties.passwords().maxLength()),
                encoder,
                ids,
                clock);
    }

    /**
     * The first operator's account (see {@link OperatorBootstrap}), made once every bean exists and before the web
     * server takes requests: an app that signs in as soon as health says UP must find the account (a sign-in for a
     * login without one counts as a failure, and five lock the login).
     */
    @Bean
    @DependsOnDatabaseInitialization
    SmartInitializingSingleton bootstrapOperator(SignUp signUp, Accounts accounts, IdentityProperties properties) {
        return () -> {
            IdentityProperties.BootstrapOperator operator = properties.bootstrapOperator();
            if (operator.configured()) {
                new OperatorBootstrap(signUp, accounts)
                        .ensure(operator.login(), operator.password(), operator.subject());
            }
        };
    }

    @Bean
    SignInThrottle signInThrottle(JdbcClient jdbc, InstantSource clock, IdentityProperties properties) {
        return new SignInThrottle(jdbc, clock, properties.signIn());
    }
}
