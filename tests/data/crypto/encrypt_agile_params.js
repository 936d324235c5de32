// Our own small Agile (MS-OFFCRYPTO 2.3.4.10-2.3.4.15) encryptor, written
// because no available tool encrypts with anything but AES-256/SHA-512.
// It uses only Node's crypto (OpenSSL) and the SheetJS `cfb` package for the
// container, and make_fixtures.sh checks every output with Debian's
// msoffcrypto-tool (an independent decryptor) before it is kept.
//
//   node encrypt_agile_params.js IN OUT PASSWORD HASH KEYBITS SPINCOUNT
//   HASH: SHA1 | SHA256 | SHA384 | SHA512; KEYBITS: 128 | 192 | 256
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const CFB = require('cfb');

const [input, output, password, hashName, keyBitsText, spinText] = process.argv.slice(2);
const keyBits = Number(keyBitsText);
const spinCount = Number(spinText);
const nodeHash = hashName.toLowerCase();  // sha1, sha256, ...
const hashSize = crypto.createHash(nodeHash).digest().length;
const cipherName = `aes-${keyBits}-cbc`;
const blockSize = 16;

const BLOCK = {
  verifierInput: Buffer.from([0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79]),
  verifierValue: Buffer.from([0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e]),
  keyValue: Buffer.from([0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6]),
  hmacKey: Buffer.from([0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6]),
  hmacValue: Buffer.from([0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33]),
};

const H = (...parts) => crypto.createHash(nodeHash).update(Buffer.concat(parts)).digest();
const le32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
// Truncate, or pad with 0x36 (2.3.4.11).
const fit = (buf, n) => (buf.length >= n ? buf.subarray(0, n)
    : Buffer.concat([buf, Buffer.alloc(n - buf.length, 0x36)]));
// Zero-pad to a multiple of the block size.
const pad = (buf) => (buf.length % blockSize === 0 ? buf
    : Buffer.concat([buf, Buffer.alloc(blockSize - buf.length % blockSize)]));
const encrypt = (key, iv, data) => {
  const c = crypto.createCipheriv(cipherName, key, iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(pad(data)), c.final()]);
};

// Password key encryptor.
const keySalt = crypto.randomBytes(16);
let h = H(keySalt, Buffer.from(password, 'utf16le'));
for (let i = 0; i < spinCount; i++) h = H(le32(i), h);
const kek = (block) => fit(H(h, block), keyBits / 8);

// Package key and package.
const packageKey = crypto.randomBytes(keyBits / 8);
const dataSalt = crypto.randomBytes(16);
const plain = fs.readFileSync(input);
const segments = [];
for (let off = 0, i = 0; off < plain.length; off += 4096, i++) {
  segments.push(encrypt(packageKey, fit(H(dataSalt, le32(i)), blockSize), plain.subarray(off, off + 4096)));
}
const sizeField = Buffer.alloc(8);
sizeField.writeBigUInt64LE(BigInt(plain.length));
const encryptedPackage = Buffer.concat([sizeField, ...segments]);

// Data integrity (2.3.4.14): HMAC over the whole EncryptedPackage stream.
const hmacKey = crypto.randomBytes(hashSize);
const hmacValue = crypto.createHmac(nodeHash, hmacKey).update(encryptedPackage).digest();
const encryptedHmacKey = encrypt(packageKey, fit(H(dataSalt, BLOCK.hmacKey), blockSize), hmacKey);
const encryptedHmacValue = encrypt(packageKey, fit(H(dataSalt, BLOCK.hmacValue), blockSize), hmacValue);

// Verifier (2.3.4.13) and the wrapped package key.
const verifierInput = crypto.randomBytes(16);
const encryptedVerifierHashInput = encrypt(kek(BLOCK.verifierInput), keySalt, verifierInput);
const encryptedVerifierHashValue = encrypt(kek(BLOCK.verifierValue), keySalt, H(verifierInput));
const encryptedKeyValue = encrypt(kek(BLOCK.keyValue), keySalt, packageKey);

const b64 = (b) => b.toString('base64');
const common = (salt) => `saltSize="${salt.length}" blockSize="${blockSize}" keyBits="${keyBits}" ` +
    `hashSize="${hashSize}" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" ` +
    `hashAlgorithm="${hashName}" saltValue="${b64(salt)}"`;
const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" ' +
    'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">' +
    `<keyData ${common(dataSalt)}/>` +
    `<dataIntegrity encryptedHmacKey="${b64(encryptedHmacKey)}" encryptedHmacValue="${b64(encryptedHmacValue)}"/>` +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    `<p:encryptedKey spinCount="${spinCount}" ${common(keySalt)} ` +
    `encryptedVerifierHashInput="${b64(encryptedVerifierHashInput)}" ` +
    `encryptedVerifierHashValue="${b64(encryptedVerifierHashValue)}" ` +
    `encryptedKeyValue="${b64(encryptedKeyValue)}"/>` +
    '</keyEncryptor></keyEncryptors></encryption>';
const encryptionInfo = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(xml, 'utf8')]);

const cfb = CFB.utils.cfb_new();
CFB.utils.cfb_add(cfb, 'EncryptionInfo', encryptionInfo);
CFB.utils.cfb_add(cfb, 'EncryptedPackage', encryptedPackage);
CFB.utils.cfb_del(cfb, '\u0001Sh33tJ5');
fs.writeFileSync(output, Buffer.from(CFB.write(cfb)));
