/**
 * What the modules' tests share: {@link io.ridemesh.testsupport.MutableClock}, {@link io.ridemesh.testsupport.TestTokens} of the
 * {@link io.ridemesh.testsupport.TestIssuer},
 * {@link io.ridemesh.testsupport.RedisServerProcess} and {@link io.ridemesh.testsupport.PlatformArchRules}. Test scope
 * only; nothing here ships. It depends on no ridemesh module, so every module (common too) can use it.
 */
@NullMarked
package io.ridemesh.testsupport;

import org.jspecify.annotations.NullMarked;
