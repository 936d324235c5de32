// Encrypts a workbook with the npm package officecrypto-tool (an independent
// producer): node encrypt_npm.js agile|standard IN OUT PASSWORD
'use strict';
const fs = require('fs');
const officeCrypto = require('officecrypto-tool');

const [mode, input, output, password] = process.argv.slice(2);
const options = {password};
if (mode === 'standard') options.type = 'standard';
else if (mode !== 'agile') throw new Error(`unknown mode ${mode}`);
fs.writeFileSync(output, officeCrypto.encrypt(fs.readFileSync(input), options));
