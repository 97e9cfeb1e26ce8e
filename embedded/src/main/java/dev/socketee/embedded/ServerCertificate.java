package dev.socketee.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key store the HTTPS connector serves from, loaded once at start so that a wrong path or
 * password fails there with a clear message rather than at the first TLS handshake.
 *
 * @param keyStore the loaded key store
 * @param password its password, also the key's
 * @param alias the key entry served
 * @param certificate that entry's certificate
 * @param pemFile where the certificate is written as PEM for clients to trust, or null
 */
record ServerCertificate(KeyStore keyStore, String password, String alias, Certificate certificate, Path pemFile) {

    /** A key store file; its type (PKCS12 or JKS) is detected. */
    static ServerCertificate load(Path file, String password, Path pemFile) {
        KeyStore ks;
        try {
            ks = KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new CommandLineException("Cannot read the key store " + file.toAbsolutePath()
                    + " with the password given: " + e.getMessage(), e);
        }
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) != null) {
                    return new ServerCertificate(ks, password, alias, ks.getCertificate(alias), pemFile);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new CommandLineException("Cannot read the key store " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        throw new CommandLineException("The key store " + file.toAbsolutePath() + " holds no private key with a certificate");
    }

    /** The SHA-256 fingerprint as browsers and {@code keytool -list} show it (AB:CD:...). */
    String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate in PEM, what node's {@code ca} option and {@code curl --cacert} read. */
    String pem() {
        try {
            String b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line for the start message. */
    String describe() {
        String subject = certificate instanceof java.security.cert.X509Certificate x
                ? x.getSubjectX500Principal().getName() : certificate.getType().toLowerCase(Locale.ROOT);
        return subject + ", SHA-256 " + sha256Fingerprint() + (pemFile == null ? "" : ", PEM " + pemFile);
    }
}
