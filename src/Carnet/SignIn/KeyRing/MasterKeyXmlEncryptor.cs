using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Carnet.Documents.Encryption;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Carnet.SignIn.KeyRing;

/// <summary>
/// Encrypts each Data Protection key with AES-256-GCM under Carnet's active master key before it is stored,
/// so that a copy of the database alone opens no session cookie nor protected secret. The key id is kept
/// beside the ciphertext: master keys can rotate.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKeyRing keys) : IXmlEncryptor
{
    internal static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("Carnet.DataProtection.v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(keys.Key(keys.ActiveKeyId), tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData);
        }

        var element = new XElement(
            "carnetMasterKeyEncrypted",
            new XAttribute("masterKeyId", keys.ActiveKeyId),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}
