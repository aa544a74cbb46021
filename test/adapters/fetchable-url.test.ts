import { isFetchableImageUrl } from '../../adapters/shared/fetchable-url';

describe('image URLs a chat platform can fetch', () => {
  it.each([
    'http://127.0.0.1:3117/preview/image/img_1',
    'http://localhost/x.png',
    'http://app.localhost/x.png',
    'http://10.0.0.5/x.png',
    'http://192.168.1.2/x.png',
    'http://172.20.0.1/x.png',
    'http://169.254.169.254/latest/meta-data/',
    'http://2130706433/x.png',
    'http://[::1]/x.png',
    'http://[fd00::1]/x.png',
    'http://[::ffff:127.0.0.1]/x.png',
    'ftp://cdn.example.com/x.png',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(isFetchableImageUrl(url)).toBe(false));

  it.each([
    'https://p16-sign-sg.tiktokcdn.com/obj/x.jpeg',
    'https://8.8.8.8/x.png',
    'http://cdn.example.com/x.png',
  ])('accepts %s', (url) => expect(isFetchableImageUrl(url)).toBe(true));
});
