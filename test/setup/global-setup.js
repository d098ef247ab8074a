module.exports = require('./scratch').setup;
