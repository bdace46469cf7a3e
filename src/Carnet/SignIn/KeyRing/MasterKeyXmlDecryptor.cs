using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Carnet.Documents.Encryption;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.SignIn.KeyRing;

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed; Data Protection creates it with the service provider.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var keys = services.GetRequiredService<MasterKeyRing>();
        var keyId = (string?)encryptedElement.Attribute("masterKeyId") ?? throw new CryptographicException("A Data Protection key has no master key id.");
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var ciphertext = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(keys.Key(keyId), tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, MasterKeyXmlEncryptor.AssociatedData);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
