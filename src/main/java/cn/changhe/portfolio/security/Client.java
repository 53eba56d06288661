package cn.changhe.portfolio.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The API client behind a request, as the security context holds it.
 *
 * @param id the client's row id (null for the bootstrap administrator)
 * @param name the client's name, which the audit trail records
 * @param role what it may do
 * @param investorId for a PARTNER, the investor whose funds it sees
 */
public record Client(Long id, String name, Role role, Long investorId) {

	List<GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

}
