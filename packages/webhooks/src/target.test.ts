import { addressRefusal, checkTargetUrl, TargetRefused } from './target';

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['2002:a00:1::', '6to4'],
  ])('should refuse %s as a %s address', (address, range) => {
    expect(addressRefusal(address)).toBe(`${address} is a ${range} address`);
  });

  it.each(['8.8.8.8', '77.88.8.8', '2606:4700:4700::1111', '::ffff:8.8.4.4'])(
    'should take the public unicast address %s',
    (address) => {
      expect(addressRefusal(address)).toBeUndefined();
    },
  );

  it('should refuse what is no IP address', () => {
    expect(addressRefusal('example.org')).toBe('example.org is not an IP address');
  });
});

describe('checkTargetUrl', () => {
  const production = { allowPrivate: false };
  const development = { allowPrivate: true };

  it('should take an https URL to a host name or a public address', () => {
    expect(checkTargetUrl('https://hooks.example.org/kollegia?x=1', production).href).toBe(
      'https://hooks.example.org/kollegia?x=1',
    );
    expect(checkTargetUrl('https://8.8.8.8:8443/in', production).port).toBe('8443');
  });

  it.each([
    ['not a url', /is not an absolute URL/],
    ['/relative/path', /is not an absolute URL/],
    ['http://hooks.example.org/', /must use https:, not http:/],
    ['ftp://hooks.example.org/', /must use https:, not ftp:/],
    ['https://user:pass@hooks.example.org/', /may not carry a user name or password/],
    ['https://127.0.0.1/', /127\.0\.0\.1 is a loopback address/],
    ['https://10.0.0.5/', /10\.0\.0\.5 is a private address/],
    ['https://169.254.169.254/latest/meta-data', /169\.254\.169\.254 is a linkLocal address/],
    ['https://[::1]:8443/', /::1 is a loopback address/],
    ['https://[::ffff:192.168.0.1]/', /is a private address/],
  ])('should refuse %s outside development', (url, reason) => {
    expect(() => checkTargetUrl(url, production)).toThrow(TargetRefused);
    expect(() => checkTargetUrl(url, production)).toThrow(reason);
  });

  it('should take http and loopback in development, and still no credentials', () => {
    expect(checkTargetUrl('http://127.0.0.1:4999/hook', development).host).toBe('127.0.0.1:4999');
    expect(() => checkTargetUrl('http://a:b@127.0.0.1/', development)).toThrow(/user name/);
    expect(() => checkTargetUrl('file:///etc/passwd', development)).toThrow(
      /must use https: or http:, not file:/,
    );
  });
});
