package io.ridemesh.identity.authserver;

import io.ridemesh.identity.account.domain.Account;
import io.ridemesh.identity.account.domain.Accounts;
import io.ridemesh.kit.security.PlatformTokens;
import io.ridemesh.kit.security.Role;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What a token issued here says, in the platform's terms ({@link PlatformTokens}): signed ES256 with the active key
 * ({@code kid} in the header); {@code sub} is the account's subject (a rider's global id, a driver's driver id), never
 * the login; {@code role} its role; an access token's {@code aud} is {@value PlatformTokens#AUDIENCE}.
 * A client-credentials token is a service's: {@code sub} the client id, {@code role} {@code service}. An account deleted
 * between sign-in and token gets no token. Thread-safe.
 */
final class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Supplier<String> keyId;
    private final Accounts accounts;

    /** @param keyId the {@code kid} of the key that signs now (it changes when a key rotates) */
    PlatformClaims(Supplier<String> keyId, Accounts accounts) {
        this.keyId = keyId;
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(keyId.get());
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!access && !id) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            context.getClaims().claim(PlatformTokens.ROLE_CLAIM, Role.SERVICE.claim());
        } else {
            Account account = accounts.find(context.getPrincipal().getName())
                    .filter(a -> !a.deleted())
                    .orElseThrow(() -> new OAuth2AuthenticationException(
                            new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "the account was deleted", null)));
            context.getClaims()
                    .subject(account.subject())
                    .claim(PlatformTokens.ROLE_CLAIM, account.role().claim());
        }
        if (access) {
            context.getClaims().audience(List.of(PlatformTokens.AUDIENCE));
        }
    }
}
